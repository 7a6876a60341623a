using SunshineBot.Web.Bootstrap;
using SunshineBot.Web.Chat;
using SunshineBot.Web.Hosting;
using SunshineBot.Web.Staff;

var builder = WebApplication.CreateBuilder(args);
builder.AddKeyStorage();
builder.AddSunshineDatabase();
builder.AddWorkingDayCalendar();
builder.AddKnowledgeBase();
builder.AddBootstrap();
builder.Services.AddScoped<SunshineBot.Web.Tickets.FileTicket>();
builder.AddChat();
builder.AddStaff();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.BuildKnowledgeIndex();
app.MapHealthChecks("/healthz");
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapStaff();
app.MapChat();
app.Run();
