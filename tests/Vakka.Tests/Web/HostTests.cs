using System.Net;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.Web;

[Collection(AppCollection.Name)]
public sealed class HostTests(VakkaFactory app)
{
    [Fact]
    public async Task Health_endpoints_answer_and_ready_checks_the_database()
    {
        var client = AppClient.For(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await AppClient.For(app).GetAsync("/directory/sites");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }
}
