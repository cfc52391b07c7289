using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Shopfront.CustomerProfile;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<ProfileDb>(o =>
    o.UseNpgsql(builder.Configuration.GetConnectionString("Profiles")));
builder.Services.AddHttpClient("auth", c =>
    c.BaseAddress = new Uri(builder.Configuration["Auth:BaseUrl"] ?? "http://auth:8080"));

// The service has been called "profile-svc" in dashboards since before it was
// renamed in the catalog, so it keeps emitting that service.name.
builder.Services.AddOpenTelemetry()
    .ConfigureResource(r => r
        .AddService(serviceName: "profile-svc", serviceNamespace: "shopfront")
        .AddAttributes(new Dictionary<string, object> { ["team"] = "team-customer" }))
    .WithTracing(t => t
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddSource(ProfileDb.ActivitySourceName)
        .AddOtlpExporter()); // endpoint from OTEL_EXPORTER_OTLP_ENDPOINT

var app = builder.Build();

app.MapGet("/customers/{id}", async (string id, ProfileDb db) =>
    await db.Customers.FindAsync(id) is { } c ? Results.Ok(c) : Results.NotFound());

app.MapPut("/customers/{id}/preferences", async (string id, Preferences prefs, ProfileDb db) =>
{
    using var activity = ProfileDb.ActivitySource.StartActivity("profile.update-preferences");
    activity?.SetTag("customer.id", id);
    var customer = await db.Customers.FindAsync(id);
    if (customer is null) return Results.NotFound();
    customer.Preferences = prefs;
    await db.SaveChangesAsync();
    return Results.NoContent();
});

app.MapGet("/healthz", () => "ok");

app.Run();
