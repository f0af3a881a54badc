using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Vakka.Platform.Jobs;

namespace Vakka.Platform.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

public sealed class EmailOptions
{
    /// <summary>"Outbox" writes .eml files to <see cref="OutboxFolder"/> (development); "Smtp" sends.</summary>
    public string Mode { get; set; } = "Outbox";
    public string OutboxFolder { get; set; } = "data/outbox";
    public string From { get; set; } = "Vakka <no-reply@vakka.local>";
    public string SmtpHost { get; set; } = "";
    public int SmtpPort { get; set; } = 587;
    public bool SmtpStartTls { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
}

internal static class Mime
{
    public static MimeMessage Build(EmailMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        return mime;
    }
}

/// <summary>Development: each message is written as an .eml file into the outbox folder.</summary>
public sealed class OutboxEmailSender(IOptions<EmailOptions> options, TimeProvider clock, Microsoft.Extensions.Hosting.IHostEnvironment host) : IEmailSender
{
    /// <summary>The outbox folder; a relative path is under the app's content root.</summary>
    public static string FolderOf(EmailOptions options, string contentRoot) => Path.Combine(contentRoot, options.OutboxFolder);

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var folder = FolderOf(options.Value, host.ContentRootPath);
        Directory.CreateDirectory(folder);
        var name = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.CreateVersion7():N}.eml");
        // Written aside and renamed, so that whoever watches the folder never sees half a message.
        await using (var file = File.Create(name + ".part"))
            await Mime.Build(message, options.Value).WriteToAsync(file, ct);
        File.Move(name + ".part", name);
    }
}

public sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> log) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SmtpStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser)) await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        await client.SendAsync(Mime.Build(message, o), ct);
        await client.DisconnectAsync(true, ct);
        log.LogInformation("E-mail sent through {Host}", o.SmtpHost);
    }
}

/// <summary>E-mail goes out through the job table: planned with the change, retried if the SMTP server is down.</summary>
public sealed class SendEmailJob(IEmailSender sender) : JobHandler<EmailMessage>
{
    public const string JobKind = "Platform.SendEmail";
    public override string Kind => JobKind;
    protected override Task HandleAsync(EmailMessage payload, CancellationToken ct) => sender.SendAsync(payload, ct);
}
