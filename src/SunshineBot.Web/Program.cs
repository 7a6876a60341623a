using SunshineBot.Web.Bootstrap;
using SunshineBot.Web.Hosting;
using SunshineBot.Web.Staff;

var builder = WebApplication.CreateBuilder(args);
builder.AddSunshineDatabase();
builder.AddWorkingDayCalendar();
builder.AddKnowledgeBase();
builder.AddBootstrap();
builder.Services.AddScoped<SunshineBot.Web.Tickets.FileTicket>();
builder.AddStaff();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.BuildKnowledgeIndex();
app.MapHealthChecks("/healthz");
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapStaff();
app.Run();
