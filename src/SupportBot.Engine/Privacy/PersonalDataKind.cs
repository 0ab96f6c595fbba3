namespace SupportBot.Privacy;

/// <summary>The kinds of personal data <see cref="PersonalDataRedactor"/> takes out of text.</summary>
internal enum PersonalDataKind
{
    Email,
    CardNumber,
    Phone,
    StreetAddress,
    TrackingUrl,
    TrackingNumber,
    PostalCode,
    Name,
    OrderNumber,
}
