using Npgsql;

namespace CaseTracker.Resilience;

/// <summary>
/// Two instances of the app and nginx in front of them (round robin): every pair of addresses (instance A,
/// instance B, the proxy) is used to load a form on one and post it to the other — the sign-in form, a note
/// on a case, the case's edit form — and a session opened through one address must be accepted by all
/// three. Anything else than the expected answer is a cross-instance failure.
/// </summary>
public static class ScaleOut
{
    public static async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<Uri> endpoints, string connectionString, string email, string password,
        int caseId, int rounds, Action<string> progress, CancellationToken ct)
    {
        long requests = 0, failures = 0;
        var acked = new List<Guid>();
        void Fail(string what)
        {
            failures++;
            progress($"failure: {what}");
        }
        string Name(Uri u) => u == endpoints[0] ? "A" : u == endpoints[1] ? "B" : "proxy";

        for (var round = 0; round < rounds; round++)
        {
            foreach (var load in endpoints)
            {
                foreach (var post in endpoints)
                {
                    var pair = $"{Name(load)}->{Name(post)}";
                    // Sign-in form from one address, posted to another; the session then works everywhere.
                    using var user = new WebUser(load);
                    var login = await user.GetAsync(new Uri(load, "/Account/Login").ToString(), ct);
                    requests++;
                    var form = login.Form();
                    if (form is null)
                    {
                        Fail($"{pair}: no sign-in form ({login.Status})");
                        continue;
                    }
                    var signedIn = await user.SubmitAsync(form, form.DefaultFields().With("Input.Email", email).With("Input.Password", password), post, ct);
                    requests++;
                    if (!signedIn.IsRedirect || signedIn.Location!.Contains("Login", StringComparison.OrdinalIgnoreCase))
                    {
                        Fail($"{pair}: sign-in answered {signedIn.Status}");
                        continue;
                    }
                    foreach (var other in endpoints)
                    {
                        var page = await user.GetAsync(new Uri(other, "/Cases").ToString(), ct);
                        requests++;
                        if (page.Status != 200 || page.Document.QuerySelector("[data-testid=case-table]") is null)
                        {
                            Fail($"{pair}: session from {Name(post)} not accepted by {Name(other)} ({page.Status})");
                        }
                    }

                    // A note: the case page (and its antiforgery token) from one, the post to the other.
                    var details = await user.GetAsync(new Uri(load, $"/Cases/{caseId}").ToString(), ct);
                    requests++;
                    var entry = details.Form("[data-testid=entry-form]");
                    if (entry is null)
                    {
                        Fail($"{pair}: no note form ({details.Status})");
                        continue;
                    }
                    var eventId = Guid.NewGuid();
                    var noted = await user.SubmitAsync(entry, entry.DefaultFields().With("Entry.EventId", eventId.ToString())
                        .With("Entry.Text", $"Scale-out note {eventId}"), post, ct);
                    requests++;
                    if (noted.Status == 302)
                    {
                        acked.Add(eventId);
                    }
                    else
                    {
                        Fail($"{pair}: note answered {noted.Status}");
                    }

                    // The edit form, with its concurrency token, from one; saved through the other.
                    var edit = await user.GetAsync(new Uri(load, $"/Cases/{caseId}/Edit").ToString(), ct);
                    requests++;
                    var editForm = edit.Form($"form[action^='/Cases/{caseId}/Edit']");
                    if (editForm is null)
                    {
                        Fail($"{pair}: no edit form ({edit.Status})");
                        continue;
                    }
                    var saved = await user.SubmitAsync(editForm, editForm.DefaultFields().With("Input.Title", $"Scale-out {pair} {round} {Guid.NewGuid():N}"[..40]), post, ct);
                    requests++;
                    if (!(saved.IsRedirect && saved.Location!.StartsWith($"/Cases/{caseId}", StringComparison.Ordinal)))
                    {
                        Fail($"{pair}: edit answered {saved.Status}");
                    }
                }
            }
        }

        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM case_events WHERE id = ANY(@ids)", conn);
        cmd.Parameters.AddWithValue("ids", acked.ToArray());
        var stored = (long)(await cmd.ExecuteScalarAsync(ct))!;
        if (stored != acked.Count)
        {
            Fail($"{acked.Count - stored} acknowledged notes missing from the database");
        }
        return
        [
            $"scale_out.requests: {requests}",
            $"scale_out.pairs: {endpoints.Count * endpoints.Count}",
            $"scale_out.rounds: {rounds}",
            $"scale_out.cross_instance_failures: {failures}",
        ];
    }
}
