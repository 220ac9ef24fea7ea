namespace Icesco.Insights.Dashboard.Localization;

/// <summary>One label in the three working languages. <c>{0}</c>, <c>{1}</c>… are filled by the page or the script.</summary>
public sealed record DashboardLabel(string Key, string En, string Fr, string Ar);

/// <summary>
/// The table of labels read by <see cref="DashboardText"/>. Answers, anomalies and dimensions use the weekly
/// report's wording (Jobs/Reports/ReportText.cs), so a manager reads the same words on screen and in the PDF;
/// the live page's panel titles are in dashboards/live.json, with the other panel definitions.
/// </summary>
public static class DashboardLabels
{
    public static IReadOnlyList<DashboardLabel> All { get; } =
    [
        new("app.name", "ICESCO Insights", "ICESCO Insights", "مؤشرات الإيسيسكو"),
        new("app.skip", "Skip to the content", "Aller au contenu", "انتقل إلى المحتوى"),

        new("nav.main", "Main", "Principal", "القائمة الرئيسية"),
        new("nav.live", "Live", "En direct", "مباشر"),
        new("nav.trends", "Trends", "Tendances", "الاتجاهات"),
        new("nav.reports", "Reports", "Rapports", "التقارير"),
        new("nav.settings", "Settings", "Paramètres", "الإعدادات"),
        new("nav.language", "Language", "Langue", "اللغة"),
        new("nav.signedInAs", "Signed in as {0}", "Connecté en tant que {0}", "مسجَّل الدخول باسم {0}"),
        new("nav.signOut", "Sign out", "Se déconnecter", "تسجيل الخروج"),

        new("language.ar", "Arabic", "Arabe", "العربية"),
        new("language.en", "English", "Anglais", "الإنجليزية"),
        new("language.fr", "French", "Français", "الفرنسية"),

        new("common.unknown", "Unknown", "Inconnu", "غير معروف"),
        new("common.loading", "Loading…", "Chargement…", "جارٍ التحميل…"),
        new("common.loadError", "The data could not be loaded ({0}).", "Les données n’ont pas pu être chargées ({0}).", "تعذّر تحميل البيانات ({0})."),
        new("common.views", "Views", "Vues", "المشاهدات"),
        new("common.visitors", "Unique visitors", "Visiteurs uniques", "الزوار الفريدون"),
        new("common.ratings", "Ratings", "Évaluations", "التقييمات"),
        new("common.csat", "Satisfaction (CSAT)", "Satisfaction (CSAT)", "نسبة الرضا"),
        new("common.change", "Change", "Évolution", "التغيّر"),
        new("common.anomaly", "Anomaly", "Anomalie", "حالة شاذة"),

        new("answer.1", "Extremely dissatisfied", "Extrêmement insatisfait", "غير راضٍ إطلاقًا"),
        new("answer.2", "Dissatisfied", "Insatisfait", "غير راضٍ"),
        new("answer.3", "Neutral", "Neutre", "محايد"),
        new("answer.4", "Satisfied", "Satisfait", "راضٍ"),
        new("answer.5", "Extremely satisfied", "Extrêmement satisfait", "راضٍ جدًا"),

        new("anomaly.spike", "Spike", "Pic", "ارتفاع حاد"),
        new("anomaly.drop", "Drop", "Chute", "انخفاض حاد"),

        new("dimension.topic", "Topic", "Thème", "الموضوع"),
        new("dimension.member_state", "Member state", "État membre", "الدولة العضو"),
        new("dimension.country", "Country", "Pays", "البلد"),
        new("dimension.language", "Language", "Langue", "اللغة"),

        new("live.filters", "Show", "Afficher", "عرض"),
        new("live.filter.all", "Everything", "Tout", "الكل"),
        new("live.filter.topics", "Topics", "Thèmes", "المواضيع"),
        new("live.filter.memberState", "Member state", "État membre", "الدولة العضو"),
        new("live.filter.anyMemberState", "All member states", "Tous les États membres", "كل الدول الأعضاء"),
        new("live.filter.languages", "Page language", "Langue de la page", "لغة الصفحة"),
        new("live.status.connecting", "Connecting…", "Connexion…", "جارٍ الاتصال…"),
        new("live.status.live", "Live", "En direct", "مباشر"),
        new("live.status.reconnecting", "Connection lost, reconnecting…", "Connexion perdue, reconnexion…", "انقطع الاتصال، جارٍ إعادة الاتصال…"),
        new("live.status.offline", "Offline, trying again…", "Hors ligne, nouvel essai…", "غير متصل، جارٍ إعادة المحاولة…"),
        new("live.status.error", "The filter was refused", "Le filtre a été refusé", "رُفض عامل التصفية"),
        new("live.status.signedOut", "Your session has ended: sign in again", "Votre session a pris fin : reconnectez-vous", "انتهت جلستك: سجّل الدخول مجددًا"),
        new("live.updatedAt", "Updated at {0}", "Mis à jour à {0}", "آخر تحديث {0}"),
        new("live.viewsLastHour", "Views in the last hour", "Vues de la dernière heure", "المشاهدات في الساعة الأخيرة"),
        new("live.viewsLastMinute", "Views in the last minute", "Vues de la dernière minute", "المشاهدات في الدقيقة الأخيرة"),
        new("live.ratingsLastHour", "Ratings in the last hour", "Évaluations de la dernière heure", "التقييمات في الساعة الأخيرة"),
        new("live.mapMore", "More", "Plus", "أكثر"),
        new("live.mapFewer", "Fewer", "Moins", "أقل"),
        new("live.feedEmpty", "No rating yet since this page opened.", "Aucune évaluation depuis l’ouverture de la page.", "لم يصل أي تقييم منذ فتح الصفحة."),
        new("live.csatInterval", "95 % interval {0} to {1}, from {2} ratings", "Intervalle à 95 % : de {0} à {1}, sur {2} évaluations", "مجال الثقة 95٪: من {0} إلى {1}، من {2} تقييمًا"),
        new("live.csatNone", "No rating in the last hour.", "Aucune évaluation dans la dernière heure.", "لا تقييمات في الساعة الأخيرة."),
        new("live.noViews", "No views in the last hour.", "Aucune vue dans la dernière heure.", "لا مشاهدات في الساعة الأخيرة."),
        new("live.viewsCount", "{0} views", "{0} vues", "{0} مشاهدة"),
        new("live.sparklineLabel", "Views per minute over the last hour: {0}", "Vues par minute sur la dernière heure : {0}", "المشاهدات في الدقيقة خلال الساعة الأخيرة: {0}"),
        new("live.noScript", "This page needs JavaScript to show live figures.", "Cette page a besoin de JavaScript pour afficher les chiffres en direct.", "تحتاج هذه الصفحة إلى JavaScript لعرض الأرقام المباشرة."),

        new("trends.title", "Trends over eight weeks", "Tendances sur huit semaines", "الاتجاهات خلال ثمانية أسابيع"),
        new("trends.intro", "Computed every hour by the Jobs from the whole week's events, per ISO week (Monday to Sunday).", "Calculées chaque heure par les Jobs à partir des événements de la semaine, par semaine ISO (du lundi au dimanche).", "تُحسب كل ساعة من أحداث الأسبوع كاملًا، لكل أسبوع ISO (من الاثنين إلى الأحد)."),
        new("trends.by", "Trends by", "Tendances par", "الاتجاهات حسب"),
        new("trends.exportCsv", "Download as CSV", "Télécharger en CSV", "تنزيل بصيغة CSV"),
        new("trends.viewsTitle", "Views per week", "Vues par semaine", "المشاهدات الأسبوعية"),
        new("trends.anomalyNote", "Triangles mark a spike (▲) or a drop (▼) against the eight weeks before.", "Les triangles signalent un pic (▲) ou une chute (▼) par rapport aux huit semaines précédentes.", "تشير المثلثات إلى ارتفاع حاد (▲) أو انخفاض حاد (▼) مقارنة بالأسابيع الثمانية السابقة."),
        new("trends.weekOf", "Week of {0}", "Semaine du {0}", "أسبوع {0}"),
        new("trends.weekOfInProgress", "Week of {0} (in progress)", "Semaine du {0} (en cours)", "أسبوع {0} (جارٍ)"),
        new("trends.inProgress", "in progress", "en cours", "جارٍ"),
        new("trends.inProgressHint", "This week is not over: it is compared with the same days and hours of the week before, and judged for anomalies once it ends.", "Cette semaine n’est pas terminée : elle est comparée aux mêmes jours et heures de la semaine précédente, et jugée pour les anomalies une fois finie.", "هذا الأسبوع لم ينتهِ بعد: يُقارَن بالأيام والساعات نفسها من الأسبوع السابق، ويُحكم على الحالات الشاذة بعد انتهائه."),
        new("trends.changeSoFarHint", "Against the same elapsed time of the week before", "Par rapport à la même durée écoulée de la semaine précédente", "مقارنةً بالمدة المنقضية نفسها من الأسبوع السابق"),
        new("trends.interval", "({0} to {1})", "(de {0} à {1})", "(من {0} إلى {1})"),
        new("trends.intervalLow", "Interval, low", "Intervalle, bas", "الحد الأدنى للمجال"),
        new("trends.interval95", "95 % interval", "Intervalle à 95 %", "مجال الثقة 95٪"),
        new("trends.csat", "Satisfaction (CSAT)", "Satisfaction (CSAT)", "نسبة الرضا"),
        new("trends.csatTitle", "Satisfaction with its 95 % interval: {0}", "Satisfaction et son intervalle à 95 % : {0}", "نسبة الرضا ومجال الثقة 95٪: {0}"),
        new("trends.csatHint", "Choose a row of the table to see its satisfaction.", "Choisissez une ligne du tableau pour voir sa satisfaction.", "اختر صفًا من الجدول لعرض نسبة الرضا الخاصة به."),
        new("trends.noRatings", "No rating this week", "Aucune évaluation cette semaine", "لا تقييمات هذا الأسبوع"),
        new("trends.smallSample", "few ratings", "peu d’évaluations", "تقييمات قليلة"),
        new("trends.smallSampleHint", "Too few ratings to rank: the interval is wide.", "Trop peu d’évaluations pour classer : l’intervalle est large.", "التقييمات أقل من أن تُرتَّب: مجال الثقة واسع."),
        new("trends.empty", "No trends yet: the Jobs compute them every hour.", "Pas encore de tendances : les Jobs les calculent chaque heure.", "لا توجد اتجاهات بعد: تُحسب كل ساعة."),

        new("reports.title", "Weekly reports", "Rapports hebdomadaires", "التقارير الأسبوعية"),
        new("reports.intro", "Each Monday the Jobs write the report of the week just ended, in Arabic, English and French.", "Chaque lundi, les Jobs rédigent le rapport de la semaine écoulée, en arabe, en anglais et en français.", "يُعَدّ كل يوم اثنين تقرير الأسبوع المنصرم بالعربية والإنجليزية والفرنسية."),
        new("reports.week", "Week", "Semaine", "الأسبوع"),
        new("reports.generated", "Generated", "Produit le", "تاريخ الإعداد"),
        new("reports.from", "from {0}", "à partir du {0}", "ابتداءً من {0}"),
        new("reports.read", "Read", "Lire", "قراءة"),
        new("reports.readIn", "Read the report of {1} in {0}", "Lire le rapport de {1} en {0}", "قراءة تقرير {1} باللغة {0}"),
        new("reports.pdf", "PDF", "PDF", "PDF"),
        new("reports.pdfIn", "Download the PDF of {1} in {0}", "Télécharger le PDF de {1} en {0}", "تنزيل ملف PDF لتقرير {1} باللغة {0}"),
        new("reports.pages", "{0} pages", "{0} pages", "{0} صفحات"),
        new("reports.openTab", "Open in a new tab", "Ouvrir dans un nouvel onglet", "فتح في علامة تبويب جديدة"),
        new("reports.close", "Close", "Fermer", "إغلاق"),
        new("reports.empty", "No report yet: the first one is written on Monday at 07:00.", "Pas encore de rapport : le premier est rédigé le lundi à 7 h.", "لا توجد تقارير بعد: يُعَدّ الأول يوم الاثنين الساعة 07:00."),

        new("settings.title", "Settings", "Paramètres", "الإعدادات"),
        new("settings.jobs", "Jobs", "Jobs", "المهام المجدولة"),
        new("settings.jobsLink", "Open the Jobs dashboard (Hangfire)", "Ouvrir le tableau de bord des Jobs (Hangfire)", "فتح لوحة المهام المجدولة (Hangfire)"),
        new("settings.jobsNone", "No Jobs dashboard is configured (Dashboard:JobsDashboardUrl).", "Aucun tableau de bord des Jobs n’est configuré (Dashboard:JobsDashboardUrl).", "لم تُضبط أي لوحة للمهام المجدولة (Dashboard:JobsDashboardUrl)."),
        new("settings.users", "Users", "Utilisateurs", "المستخدمون"),
        new("settings.usersNote", "Users are changed in configuration or in the users file, where changes are reviewed.", "Les utilisateurs se modifient dans la configuration ou le fichier des utilisateurs, où les changements sont relus.", "يُعدَّل المستخدمون في الإعدادات أو في ملف المستخدمين، حيث تُراجَع التغييرات."),
        new("settings.name", "Name", "Nom", "الاسم"),
        new("settings.role", "Role", "Rôle", "الدور"),
        new("role.staff", "Staff", "Équipe", "موظف"),
        new("role.manager", "Manager", "Responsable", "مدير"),
        new("role.admin", "Administrator", "Administrateur", "مسؤول"),
        new("settings.openIdConnect", "Sign-in through {0} (role claim {1})", "Connexion par {0} (rôle dans la revendication {1})", "تسجيل الدخول عبر {0} (الدور في المطالبة {1})"),
    ];
}
