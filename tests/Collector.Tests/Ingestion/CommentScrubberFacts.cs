using Icesco.Insights.Collector.Ingestion.Enrichment;

namespace Icesco.Insights.Collector.Tests.Ingestion;

public sealed class CommentScrubberFacts
{
    [Theory]
    [InlineData("write to amina.b+news@example.org please", "write to [email] please")]
    [InlineData("راسلوني على user@mail.gov.ma شكرا", "راسلوني على [email] شكرا")]
    public void Email_addresses_are_replaced(string comment, string expected) => Assert.Equal(expected, CommentScrubber.Scrub(comment));

    [Theory]
    [InlineData("call +212 6 12 34 56 78 now")]
    [InlineData("call 00966-50-123-4567 now")]
    [InlineData("call 0612345678 now")]
    [InlineData("call 06 12 34 56 78 now")]
    [InlineData("call (212) 555-1234 now")]
    [InlineData("call ٠٦١٢٣٤٥٦٧٨ now")]
    [InlineData("call +٩٦٦ ٥٠ ١٢٣ ٤٥٦٧ now")]
    public void Phone_numbers_in_international_local_and_arabic_indic_forms_are_replaced(string comment) =>
        Assert.Equal("call [phone] now", CommentScrubber.Scrub(comment));

    [Theory]
    [InlineData("card 4111 1111 1111 1111 thanks")]
    [InlineData("card 4111-1111-1111-1111 thanks")]
    [InlineData("card 5500005555555559 thanks")]
    [InlineData("card ٤١١١١١١١١١١١١١١١ thanks")]
    public void Card_numbers_passing_luhn_are_replaced(string comment) => Assert.Equal("card [card] thanks", CommentScrubber.Scrub(comment));

    [Fact]
    public void A_long_number_failing_luhn_is_not_called_a_card() =>
        Assert.DoesNotContain("[card]", CommentScrubber.Scrub("ref 4111111111111112"));

    [Theory]
    [InlineData("The 2024 conference was great, 5 stars")]
    [InlineData("Page 12 of the report, see section 3.4")]
    [InlineData("ممتاز جدا")]
    public void Ordinary_text_and_small_numbers_are_kept(string comment) => Assert.Equal(comment, CommentScrubber.Scrub(comment));
}
