using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Import;
using CaseTracker.Core.People;
using CaseTracker.Core.Persistence;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using F = CaseTracker.Core.Import.CaseImportFormat;

namespace CaseTracker.Tests.Import;

/// <summary>The import service directly: all rows or none, one import per preview.</summary>
public sealed class CaseImportServiceTests(TestApp app) : IntegrationTest(app)
{
    private async Task<Actor> CaseworkerAsync() => TestApp.ActorOf(await App.CreateUserAsync(Roles.Caseworker), Roles.Caseworker);

    private async Task<ImportPreview> PreviewAsync(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return await WithServiceAsync<CaseImportService, ImportPreview>(s => s.PreviewAsync(new ImportFile(bytes.Length, stream), null, Actor.System, Ct));
    }

    private Task<ImportOutcome> CommitAsync(byte[] bytes, Actor actor, string? importId = null) =>
        WithServiceAsync<CaseImportService, ImportOutcome>(s => s.CommitAsync(
            new ImportCasesCommand { Content = System.Buffers.Text.Base64Url.EncodeToString(bytes), ImportId = importId ?? NewId() }, actor, Ct));

    private static string NewId() => Guid.NewGuid().ToString("N");

    private Task<(int Cases, int Persons, int Audit)> CountsAsync() => WithDbAsync(async db =>
        (await db.Cases.CountAsync(Ct), await db.Persons.CountAsync(Ct), await db.AuditEvents.CountAsync(Ct)));

    private static string[] FiveRows() =>
    [
        ImportCsv.Row(),
        ImportCsv.Person("Orlova", "Орлова", "1930"),
        ImportCsv.Person("Lerner", "Лернер", "1913"),
        ImportCsv.Person("Kazakov", "Казаков", "1940"),
        ImportCsv.Person("Nudel", "Нудель", "1931"),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task An_invalid_row_anywhere_means_no_row_is_written(int bad)
    {
        var actor = await CaseworkerAsync();
        var rows = FiveRows();
        rows[bad] = ImportCsv.Row((F.BirthYear, "1849"));

        var outcome = await CommitAsync(ImportCsv.Bytes(rows), actor);

        var rejected = Assert.IsType<ImportOutcome.Rejected>(outcome);
        var error = Assert.Single(rejected.Preview.Errors);
        Assert.Equal(bad + 2, error.Row);
        Assert.Equal(F.BirthYear, error.Column);
        Assert.StartsWith("The year of birth must be between 1850", error.Message);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Theory]
    [InlineData("no content", "0123456789abcdef0123456789abcdef")]
    [InlineData("not base64 !", "0123456789abcdef0123456789abcdef")]
    [InlineData("too long", "0123456789abcdef0123456789abcdef")]
    [InlineData("packed past the largest file", "0123456789abcdef0123456789abcdef")]
    [InlineData("packed, cut short", "0123456789abcdef0123456789abcdef")]
    [InlineData("good", "")]
    [InlineData("good", "0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("good", "../../0123456789abcdef0123456789")]
    public async Task A_confirmation_without_a_well_formed_preview_is_refused_and_writes_nothing(string content, string importId)
    {
        var actor = await CaseworkerAsync();
        var value = content switch
        {
            "no content" => null,
            "too long" => new string('A', System.Buffers.Text.Base64Url.GetEncodedLength(F.MaxBytes) + 1),
            "good" => System.Buffers.Text.Base64Url.EncodeToString(ImportCsv.Bytes(ImportCsv.Row())),
            // A few kilobytes that unpack to more than the largest file.
            "packed past the largest file" => CaseImportService.EncodeContent(Enumerable.Repeat((byte)'a', F.MaxBytes + 1).ToArray()),
            "packed, cut short" => CaseImportService.EncodeContent(ImportCsv.Bytes(FiveRows()))[..^12],
            _ => content,
        };

        var outcome = await WithServiceAsync<CaseImportService, ImportOutcome>(s => s.CommitAsync(new ImportCasesCommand { Content = value, ImportId = importId }, actor, Ct));

        var rejected = Assert.IsType<ImportOutcome.Rejected>(outcome);
        Assert.StartsWith("There is nothing to import", Assert.Single(rejected.Preview.FileErrors));
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Two_confirmations_of_one_preview_at_once_import_it_once()
    {
        var actor = await CaseworkerAsync();
        var bytes = ImportCsv.Bytes(FiveRows());
        var id = NewId();

        var outcomes = await Task.WhenAll(CommitAsync(bytes, actor, id), CommitAsync(bytes, actor, id));

        Assert.Single(outcomes.OfType<ImportOutcome.Imported>());
        Assert.Single(outcomes.OfType<ImportOutcome.AlreadyImported>());
        Assert.Equal(5, (await CountsAsync()).Cases);
        Assert.Equal(1, await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == CaseImportService.ImportedAction, Ct)));
    }

    [Fact]
    public async Task The_preview_hands_out_its_content_compressed_and_its_confirmation_imports_every_row()
    {
        var actor = await CaseworkerAsync();
        var rows = Enumerable.Range(0, 300).Select(i => ImportCsv.Row((F.Title, $"Family {i} – reunification"))).ToArray();
        var bytes = ImportCsv.Bytes(rows);

        var preview = await PreviewAsync(bytes);

        Assert.True(preview.CanImport);
        var plain = System.Buffers.Text.Base64Url.GetEncodedLength(bytes.Length);
        Assert.True(preview.Content!.Length * 4 < plain, $"{preview.Content.Length} characters against {plain} uncompressed");
        var outcome = await WithServiceAsync<CaseImportService, ImportOutcome>(s => s.CommitAsync(
            new ImportCasesCommand { Content = preview.Content, ImportId = preview.ImportId }, actor, Ct));
        Assert.Equal(300, Assert.IsType<ImportOutcome.Imported>(outcome).Cases.Count);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"Family {i} – reunification").Order(),
            (await WithDbAsync(db => db.Cases.Select(c => c.Title).ToListAsync(Ct))).Order());
    }

    [Fact]
    public async Task The_preview_writes_nothing_and_hands_out_content_only_when_every_row_is_valid()
    {
        await CaseworkerAsync();
        var good = await PreviewAsync(ImportCsv.Bytes(FiveRows()));
        var bad = await PreviewAsync(ImportCsv.Bytes([.. FiveRows(), ImportCsv.Row((F.Title, ""))]));

        Assert.True(good.CanImport);
        Assert.NotNull(good.Content);
        Assert.Matches("^[0-9a-f]{32}$", good.ImportId);
        Assert.False(bad.CanImport);
        Assert.Null(bad.Content);
        Assert.Equal("row 7 (title): Give the case a title, e.g. the family's name and what they seek.", Assert.Single(bad.Errors).ToString());
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task When_the_look_up_of_known_persons_runs_out_of_time_the_preview_says_which_rows_were_not_looked_up()
    {
        var actor = await CaseworkerAsync();
        await CommitAsync(ImportCsv.Bytes(ImportCsv.Row()), actor);
        var bytes = ImportCsv.Bytes(ImportCsv.Row(), ImportCsv.Person("Orlova", "Орлова", "1930"));
        using var stream = new MemoryStream(bytes);

        var preview = await WithServiceAsync<CaseImportService, ImportPreview>(s =>
        {
            s.DuplicateCheckBudget = TimeSpan.Zero;
            return s.PreviewAsync(new ImportFile(bytes.Length, stream), null, Actor.System, Ct);
        });

        Assert.StartsWith("Rows 2–3 were not compared with the people already in CaseTracker", preview.DuplicateCheckNotice);
        Assert.DoesNotContain(preview.Warnings, w => w.Message.Contains("may already be known", StringComparison.Ordinal));
        Assert.True(preview.CanImport);
    }

    [Fact]
    public async Task When_the_comparison_within_the_file_runs_out_of_time_the_preview_says_from_which_row()
    {
        await CaseworkerAsync();
        var bytes = ImportCsv.Bytes(ImportCsv.Row(), ImportCsv.Row((F.Title, "The same again")));
        using var stream = new MemoryStream(bytes);

        var preview = await WithServiceAsync<CaseImportService, ImportPreview>(s =>
        {
            s.FileComparisonBudget = TimeSpan.Zero;
            return s.PreviewAsync(new ImportFile(bytes.Length, stream), null, Actor.System, Ct);
        });

        Assert.Contains("Rows 2–3 were not compared with the rows above them for the same person twice", preview.DuplicateCheckNotice);
        Assert.DoesNotContain(preview.Warnings, w => w.Message.Contains("same person as", StringComparison.Ordinal));
        Assert.True(preview.CanImport);
    }

    [Fact]
    public async Task A_spreadsheet_export_with_bom_semicolons_an_empty_first_line_and_worded_headers_is_read()
    {
        var text = "\r\nCategory;Title;Family name;Native family name;Birth-date;Relatives\r\n" +
            "Separated spouse;\"Petrova; Maria\";Petrova;Петрова;1921-04-02;Spouse:Petrov Ivan (Петров Иван)\r\n" +
            "emigration;Orlov;Orlov;Орлов;1940-01-01;\r\n";
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)];

        var preview = await PreviewAsync(bytes);

        Assert.Equal([3, 4], preview.Rows.Select(r => r.Row));
        Assert.Equal("Petrova; Maria", preview.Rows[0].Title);
        Assert.Equal(CaseCategory.SeparatedSpouse, preview.Rows[0].Category);
        Assert.Equal(1921, preview.Rows[0].BirthYear);
        Assert.Equal(["Spouse:Petrov Ivan (Петров Иван)"], preview.Rows[0].Relatives);
        Assert.Equal("row 4 (emigration_group): Choose the group of this emigration request.", Assert.Single(preview.Errors).ToString());
    }

    [Fact]
    public async Task Imported_cases_are_like_cases_from_the_form_reference_urgency_assignment_and_audit()
    {
        var actor = await CaseworkerAsync();

        var imported = Assert.IsType<ImportOutcome.Imported>(await CommitAsync(ImportCsv.Bytes(ImportCsv.Row((F.HungerStrikes, "2"), (F.IllnessOrDisability, "blind"))), actor));

        var c = Assert.Single(imported.Cases);
        var saved = await WithDbAsync(db => db.Cases.SingleAsync(x => x.Id == c.Id, Ct));
        Assert.Equal(c.Reference, saved.Reference);
        Assert.Equal(CaseStatus.New, saved.Status);
        Assert.Equal(actor.UserId, saved.AssignedCaseworkerId);
        Assert.True(saved.UrgencyScore > 0);
        Assert.Equal(1, await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.CaseCreated && a.CaseId == c.Id, Ct)));
        var summary = await WithServiceAsync<CaseImportService, ImportSummary?>(s => s.GetImportAsync(imported.ImportId, actor, Ct));
        Assert.Equal(c, Assert.Single(summary!.Cases));
    }

    [Fact]
    public void The_sample_in_the_docs_is_the_one_the_app_serves()
    {
        var docs = File.ReadAllBytes(Path.Combine(ImportPagesTests.RepositoryRoot(), "docs", "samples", "cases-import.csv"));

        Assert.Equal(docs, CaseImportService.Sample());
    }
}
