namespace Concierge.Skills.Templates;

/// <summary>The <c>otp_type</c> values of an AUTHENTICATION template's OTP button.</summary>
public static class OtpType
{
    public const string CopyCode = "COPY_CODE";
    public const string OneTap = "ONE_TAP";
    public const string ZeroTap = "ZERO_TAP";

    public static IReadOnlyList<string> All { get; } = [CopyCode, OneTap, ZeroTap];
}
