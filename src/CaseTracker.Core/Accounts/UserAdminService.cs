using CaseTracker.Core.Auditing;
using CaseTracker.Core.Common;
using CaseTracker.Core.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseTracker.Core.Accounts;

public sealed record UserListItem(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, bool TwoFactorEnabled, bool HasPassword, DateTimeOffset? LockedOutUntil);

public sealed class CreateUserCommand
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

public sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator()
    {
        RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the person's email address.")
            .MaximumLength(256).WithMessage("Keep the email address to 256 characters or fewer.")
            .EmailAddress().WithMessage("Enter an email address such as name@example.org.");
        RuleFor(c => c.DisplayName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the name shown to colleagues.")
            .MaximumLength(100).WithMessage("Keep the name to 100 characters or fewer.")
            .Must(CaseTracker.Core.Cases.CaseCommandValidator.NoControlCharacters).WithMessage("The name contains characters that cannot be stored.");
        RuleFor(c => c.Roles)
            .NotEmpty().WithMessage("Choose at least one role.")
            .Must(r => r.All(Accounts.Roles.All.Contains)).WithMessage("Choose roles from the list.");
    }
}

/// <summary>
/// What administrators do with accounts. New accounts get no password: they receive a one-time link to
/// set their own (an invitation), so no administrator ever knows another person's password.
/// </summary>
public sealed class UserAdminService(
    CaseTrackerDbContext db,
    UserManager<AppUser> users,
    IValidator<CreateUserCommand> validator,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<UserAdminService> logger)
{
    public async Task<IReadOnlyList<UserListItem>> ListAsync(CancellationToken ct)
    {
        var roleNames = await db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var all = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        return all.Select(u => new UserListItem(
            u.Id, u.Email ?? "", u.DisplayName,
            roleNames.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(n => n).ToList(),
            u.IsDisabled, u.TwoFactorEnabled, u.PasswordHash is not null,
            u.LockoutEnd > clock.GetUtcNow() ? u.LockoutEnd : null)).ToList();
    }

    public async Task<UserListItem?> GetAsync(string id, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(u => u.Id == id);

    /// <summary>Creates the account and returns the invitation token for setting a first password.</summary>
    public Task<Result<(AppUser User, string InvitationToken)>> CreateAsync(CreateUserCommand command, Actor actor, CancellationToken ct) =>
        db.RetryingAsync(token => CreateOnceAsync(command, actor, token), ct);

    private async Task<Result<(AppUser User, string InvitationToken)>> CreateOnceAsync(CreateUserCommand command, Actor actor, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return new Result<(AppUser, string)>.Invalid(validation.ToFieldErrors());
        }
        if (await users.FindByEmailAsync(command.Email.Trim()) is not null)
        {
            return new Result<(AppUser, string)>.Invalid([new FieldError(nameof(command.Email), "An account with this email address already exists.")]);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var email = command.Email.Trim();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = command.DisplayName.Trim(), CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return new Result<(AppUser, string)>.Invalid(created.Errors.Select(e => new FieldError(nameof(command.Email), e.Description)).ToList());
        }
        await users.AddToRolesAsync(user, command.Roles.Distinct());
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await audit.RecordAsync(actor, AuditActions.UserCreated, "User", user.Id, details: new { roles = command.Roles }, ct: ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("User {UserId} created by {ActorId}", user.Id, actor.UserId);
        return new Result<(AppUser, string)>.Ok((user, token));
    }

    /// <summary>A new one-time link for setting a password (e.g. the first link expired).</summary>
    public async Task<string?> NewInvitationAsync(string id, Actor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }
        await audit.RecordAsync(actor, "user.invitation_renewed", "User", user.Id, ct: ct);
        return await users.GeneratePasswordResetTokenAsync(user);
    }

    public async Task<Result<bool>> SetRolesAsync(string id, IReadOnlyCollection<string> roles, Actor actor, CancellationToken ct)
    {
        if (roles.Count == 0 || !roles.All(Roles.All.Contains))
        {
            return new Result<bool>.Invalid([new FieldError("Roles", "Choose at least one role from the list.")]);
        }
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new Result<bool>.NotFound();
        }
        if (user.Id == actor.UserId && !roles.Contains(Roles.Administrator))
        {
            return new Result<bool>.Invalid([new FieldError("Roles", "You cannot remove your own Administrator role.")]);
        }
        var before = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, before.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(before));
        // Role changes take effect at the user's next request.
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, AuditActions.UserRolesChanged, "User", user.Id,
            details: new { changes = new[] { new FieldChange("Roles", string.Join(", ", before.Order()), string.Join(", ", roles.Order())) } }, ct: ct);
        return new Result<bool>.Ok(true);
    }

    /// <summary>Disables or re-enables an account. Disabling ends its open sessions at their next request.</summary>
    public async Task<Result<bool>> SetDisabledAsync(string id, bool disabled, Actor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new Result<bool>.NotFound();
        }
        if (user.Id == actor.UserId && disabled)
        {
            return new Result<bool>.Invalid([new FieldError("", "You cannot disable your own account.")]);
        }
        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, "User", user.Id, ct: ct);
        logger.LogInformation("User {UserId} {State} by {ActorId}", user.Id, disabled ? "disabled" : "enabled", actor.UserId);
        return new Result<bool>.Ok(true);
    }

    /// <summary>Turns off a user's two-factor sign-in (a lost phone); they set it up again at next sign-in if required.</summary>
    public async Task<Result<bool>> ResetTwoFactorAsync(string id, Actor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new Result<bool>.NotFound();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, AuditActions.TwoFactorDisabled, "User", user.Id, ct: ct);
        return new Result<bool>.Ok(true);
    }
}
