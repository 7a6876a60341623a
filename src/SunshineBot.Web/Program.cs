var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => builder.Environment.ContentRootPath + " | " + Directory.GetCurrentDirectory());
app.Run();
