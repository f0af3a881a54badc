using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Vakka.Platform.Results;
using Vakka.Platform.Web;
using Vakka.Testing;

namespace Vakka.Tests.Web;

/// <summary>Outside development the app does not serve without its public address (e-mailed links must not follow a Host header).</summary>
public sealed class StartupTests
{
    private sealed class ProductionWithoutPublicUrl : VakkaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    private sealed class ProductionWithPublicUrl : VakkaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:PublicUrl"] = "https://vakka.example.fi" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public void Production_without_a_public_url_refuses_to_start_and_says_which_setting_is_missing()
    {
        using var app = new ProductionWithoutPublicUrl();
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Security__PublicUrl", error.ToString());
    }

    [Fact]
    public async Task Production_with_a_public_url_serves()
    {
        using var app = new ProductionWithPublicUrl();
        var response = await app.CreateClient().GetAsync("/health/ready");
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public void Failed_results_map_to_the_right_problem_status()
    {
        var texts = new Microsoft.Extensions.Localization.StringLocalizer<StartupTests>(new NullLocalizerFactory());
        Assert.Equal(StatusCodes.Status409Conflict, Status(Result.Conflict("Validation.Duplicate").ToProblem(texts)));
        Assert.Equal(StatusCodes.Status400BadRequest, Status(Result.Invalid("Name", "Validation.Required").ToProblem(texts)));
        Assert.Equal(StatusCodes.Status404NotFound, Status(Result.NotFound().ToProblem(texts)));
        Assert.Equal(StatusCodes.Status403Forbidden, Status(Result.Forbidden().ToProblem(texts)));
        static int? Status(IResult r) => (r as IStatusCodeHttpResult)?.StatusCode;
    }

    private sealed class NullLocalizerFactory : Microsoft.Extensions.Localization.IStringLocalizerFactory
    {
        public Microsoft.Extensions.Localization.IStringLocalizer Create(Type resourceSource) => new Null();
        public Microsoft.Extensions.Localization.IStringLocalizer Create(string baseName, string location) => new Null();

        private sealed class Null : Microsoft.Extensions.Localization.IStringLocalizer
        {
            public Microsoft.Extensions.Localization.LocalizedString this[string name] => new(name, name);
            public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] => new(name, name);
            public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => [];
        }
    }
}
