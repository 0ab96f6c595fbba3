namespace SupportBot.Host.Security;

/// <summary>Settings of the <c>DataProtection</c> section: how the key ring (agents' cookies, Direct Line tokens) is kept.</summary>
internal sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// A PKCS#12 (.pfx) file whose certificate encrypts the keys at rest; relative to the settings folder. Empty: the
    /// keys are stored unencrypted (Linux has no DPAPI), readable only by the server's user.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password (from the environment: <c>DataProtection__CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; set; }
}
