using CaseTracker.Core.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Admin.Users;

public sealed class IndexModel(UserAdminService admin) : PageModel
{
    public IReadOnlyList<UserListItem> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Users = await admin.ListAsync(ct);
}
