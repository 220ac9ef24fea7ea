using System.Globalization;

namespace Icesco.Insights.Dashboard.Pages.Account;

/// <summary>The sign-in and sign-out pages' words in the three working languages, by the request's UI culture.</summary>
public sealed record SignInLabels(string Title, string Name, string Password, string Submit, string Failed, string Provider, string SignOut)
{
    private static readonly SignInLabels En = new(
        "Sign in", "User name", "Password", "Sign in", "The user name or password is not right.", "Sign in with", "Sign out");

    private static readonly SignInLabels Fr = new(
        "Connexion", "Nom d’utilisateur", "Mot de passe", "Se connecter", "Le nom d’utilisateur ou le mot de passe est incorrect.", "Se connecter avec", "Se déconnecter");

    private static readonly SignInLabels Ar = new(
        "تسجيل الدخول", "اسم المستخدم", "كلمة المرور", "دخول", "اسم المستخدم أو كلمة المرور غير صحيحة.", "الدخول بواسطة", "تسجيل الخروج");

    public static SignInLabels Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "ar" => Ar,
        "fr" => Fr,
        _ => En,
    };
}
