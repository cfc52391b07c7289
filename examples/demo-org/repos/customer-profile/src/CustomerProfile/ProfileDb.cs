using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Shopfront.CustomerProfile;

public record Preferences(string Language, bool MarketingEmails, string Currency);

public class Customer
{
    public required string Id { get; set; }
    public required string Email { get; set; }
    public string Country { get; set; } = "DE";
    public int AccountAgeDays { get; set; }
    public Preferences Preferences { get; set; } = new("en", false, "EUR");
}

public class ProfileDb(DbContextOptions<ProfileDb> options) : DbContext(options)
{
    public const string ActivitySourceName = "Shopfront.CustomerProfile";
    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    public DbSet<Customer> Customers => Set<Customer>();

    protected override void OnModelCreating(ModelBuilder b) =>
        b.Entity<Customer>().OwnsOne(c => c.Preferences);
}
