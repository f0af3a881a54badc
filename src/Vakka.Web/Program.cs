using Vakka.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddVakka();
var app = builder.Build();
app.UseVakka();

if (await Commands.TryRunAsync(app.Services, args, Console.Out) is { } exitCode) return exitCode;

app.CheckServingConfiguration();
await app.PrepareDatabaseAsync();
await app.StartAsync();
app.PrintWelcome();
await app.WaitForShutdownAsync();
return 0;
