using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Data;

namespace Vakka.Directory.Data;

/// <summary>The Directory's tables (prefix dir_), including the ASP.NET Core Identity tables of accounts.</summary>
internal sealed class DirectoryModel : IModuleModel
{
    public string TablePrefix => "dir";

    public void ConfigureConventions(ModelConfigurationBuilder builder) { }

    public void ConfigureModel(ModelBuilder builder)
    {
        builder.Entity<Organisation>(e =>
        {
            e.ToTable("dir_organisation");
            e.HasKey(o => o.Id);
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.BusinessId).HasMaxLength(9);
            e.Property(o => o.Oid).HasMaxLength(128);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.HasIndex(o => o.Oid).IsUnique();
            e.HasIndex(o => o.BusinessId);
        });

        builder.Entity<Site>(e =>
        {
            e.ToTable("dir_site");
            e.HasKey(s => s.Id);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Oid).HasMaxLength(128);
            e.Property(s => s.Type).HasMaxLength(30);
            e.Property(s => s.StreetAddress).HasMaxLength(200);
            e.Property(s => s.PostalCode).HasMaxLength(5);
            e.Property(s => s.Municipality).HasMaxLength(100);
            e.Property(s => s.ContactName).HasMaxLength(200);
            e.Property(s => s.ContactEmail).HasMaxLength(254);
            e.Property(s => s.ContactPhone).HasMaxLength(40);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasIndex(s => s.Oid).IsUnique();
            e.HasIndex(s => s.OrganisationId);
            e.HasIndex(s => s.AreaId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Area>().WithMany().HasForeignKey(s => s.AreaId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Area>(e =>
        {
            e.ToTable("dir_area");
            e.HasKey(a => a.Id);
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => a.Name).IsUnique();
            e.HasMany(a => a.Municipalities).WithOne().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AreaMunicipality>(e =>
        {
            e.ToTable("dir_area_municipality");
            e.HasKey(m => new { m.AreaId, m.Name });
            e.Property(m => m.Name).HasMaxLength(100);
        });

        builder.Entity<Account>(e =>
        {
            e.ToTable("dir_account");
            e.HasKey(a => a.Id);
            e.Ignore(a => a.AccountId);
            e.Property(a => a.UserName).HasMaxLength(100);
            e.Property(a => a.NormalizedUserName).HasMaxLength(100);
            e.Property(a => a.Email).HasMaxLength(254);
            e.Property(a => a.NormalizedEmail).HasMaxLength(254);
            e.Property(a => a.DisplayName).HasMaxLength(200);
            e.Property(a => a.Kind).HasMaxLength(20);
            e.Property(a => a.PreferredLanguage).HasMaxLength(5);
            e.Property(a => a.PhoneNumber).HasMaxLength(40);
            e.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(a => a.NormalizedUserName).IsUnique();
            e.HasIndex(a => a.NormalizedEmail);
            e.HasIndex(a => a.SiteId);
            e.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<IdentityUserClaim<Guid>>(e =>
        {
            e.ToTable("dir_account_claim");
            e.HasKey(c => c.Id);
            e.HasOne<Account>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IdentityUserLogin<Guid>>(e =>
        {
            e.ToTable("dir_account_login");
            e.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            e.Property(l => l.LoginProvider).HasMaxLength(128);
            e.Property(l => l.ProviderKey).HasMaxLength(128);
            e.HasOne<Account>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IdentityUserToken<Guid>>(e =>
        {
            e.ToTable("dir_account_token");
            e.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            e.Property(t => t.LoginProvider).HasMaxLength(128);
            e.Property(t => t.Name).HasMaxLength(128);
            e.HasOne<Account>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RoleAssignmentRow>(e =>
        {
            e.ToTable("dir_role_assignment");
            e.HasKey(r => r.Id);
            e.Ignore(r => r.Scope);
            e.Property(r => r.Role).HasMaxLength(40);
            e.Property(r => r.ScopeKind).HasMaxLength(20);
            e.HasIndex(r => new { r.AccountId, r.RevokedAt });
            e.HasIndex(r => new { r.ScopeKind, r.ScopeId });
            e.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
