using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Core.Import;
using CaseTracker.Tests.Cases;
using CaseTracker.Tests.Infrastructure;
using CaseTracker.Web.Pages.Import;
using Microsoft.EntityFrameworkCore;
using F = CaseTracker.Core.Import.CaseImportFormat;

namespace CaseTracker.Tests.Import;

/// <summary>The import page as a caseworker uses it: a file uploaded with the form's antiforgery token, the preview, the confirmation.</summary>
public sealed class ImportPagesTests(TestApp app) : IntegrationTest(app)
{
    private static async Task<IHtmlDocument> UploadAsync(UserClient client, byte[] bytes, string fileName = "cases.csv")
    {
        var form = await client.GetFormAsync("/Import");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(form["__RequestVerificationToken"]!), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", fileName);
        var response = await client.Http.PostAsync(form.Action, content, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await UserClient.ParseAsync(response);
    }

    /// <summary>Confirms the preview shown on <paramref name="preview"/>; returns the page shown after the redirect.</summary>
    private static async Task<IHtmlDocument> ConfirmAsync(UserClient client, IHtmlDocument preview)
    {
        var form = Form.Read(preview, "/Import", "[data-testid=commit-form]");
        var response = await client.PostAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    private Task<int> CaseCountAsync() => WithDbAsync(db => db.Cases.CountAsync(Ct));

    [Fact]
    public async Task A_good_file_is_previewed_without_writing_and_then_imported_with_references_people_and_one_audit_row()
    {
        var (client, user) = await SignInAsync();
        var bytes = ImportCsv.Bytes(
            ImportCsv.Row(),
            ImportCsv.Person("Orlova", "Орлова", "1930", (F.Category, "DividedFamily"), (F.Relatives, "Child:Orlov Pavel;Parent:Orlova Anna (Орлова Анна)")),
            ImportCsv.Person("Lerner", "Лернер", "1913", (F.Category, "Emigration"), (F.EmigrationGroup, "Jewish"), (F.Relatives, "")));

        var preview = await UploadAsync(client, bytes);

        Assert.Contains("3 rows read: 3 ready, 0 with errors", preview.QuerySelector("[data-testid=preview-counts]").Text());
        Assert.Equal(3, preview.QuerySelectorAll("[data-testid=preview-row]").Length);
        Assert.Contains("Орлова", preview.QuerySelector("[data-testid=preview-table]").Text());
        Assert.Null(preview.QuerySelector("[data-testid=import-errors]"));
        Assert.Contains("Import 3 cases", preview.QuerySelector("[data-testid=commit-form]").Text());
        Assert.Equal(0, await CaseCountAsync());
        Assert.Equal(0, await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action != AuditActions.SignInSucceeded, Ct)));

        var result = await ConfirmAsync(client, preview);

        Assert.Contains("3 cases imported", result.QuerySelector("[role=status]").Text());
        var saved = await WithDbAsync(db => db.Cases.Include(c => c.People).ThenInclude(p => p.Person).OrderBy(c => c.Id).ToListAsync(Ct));
        Assert.Equal([CaseCategory.SeparatedSpouse, CaseCategory.DividedFamily, CaseCategory.Emigration], saved.Select(c => c.Category));
        Assert.Matches("^SP-\\d{4}$", saved[0].Reference);
        Assert.Matches("^DF-\\d{4}$", saved[1].Reference);
        Assert.Matches("^EM-\\d{4}$", saved[2].Reference);
        Assert.Equal(EmigrationGroup.Jewish, saved[2].EmigrationGroup);
        Assert.Equal([2, 3, 1], saved.Select(c => c.People.Count));
        var orlova = saved[1].People.Single(p => p.Role == PersonRole.ApplicantInUssr).Person;
        Assert.Equal(("Orlova", "Орлова", 1930), (orlova.FamilyName, orlova.NativeFamilyName, orlova.BirthYear));
        var parent = saved[1].People.Single(p => p.Role == PersonRole.Parent).Person;
        Assert.Equal(("Orlova", "Anna", "Орлова", "Анна"), (parent.FamilyName, parent.GivenName, parent.NativeFamilyName, parent.NativeGivenName));
        Assert.All(saved, c => Assert.Equal(user.Id, c.AssignedCaseworkerId));
        Assert.Equal(6, await WithDbAsync(db => db.Persons.CountAsync(Ct)));
        Assert.True(await WithDbAsync(db => db.PersonNameKeys.AnyAsync(k => k.PersonId == orlova.Id, Ct)));

        var table = result.QuerySelector("[data-testid=imported-cases]").Text();
        Assert.All(saved, c => Assert.Contains(c.Reference, table));
        var audit = await WithDbAsync(db => db.AuditEvents.Where(a => a.Action == CaseImportService.ImportedAction).ToListAsync(Ct));
        var entry = Assert.Single(audit);
        Assert.Equal(user.Id, entry.UserId);
        Assert.Equal(3, entry.Details!.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(saved.Select(c => c.Reference), entry.Details.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("reference").GetString()));
        Assert.Equal(3, await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.CaseCreated, Ct)));
    }

    [Fact]
    public async Task One_bad_row_writes_nothing_and_the_preview_names_the_row_and_the_reason()
    {
        var (client, _) = await SignInAsync();
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var bytes = ImportCsv.Bytes(
            ImportCsv.Row(),
            ImportCsv.Person("Orlova", "Орлова", "1930"),
            ImportCsv.Person("Lerner", "Лернер", "1913", (F.SeparatedSince, future)),
            ImportCsv.Person("Kazakov", "Казаков", "1940"));

        var preview = await UploadAsync(client, bytes);

        var errors = preview.QuerySelector("[data-testid=import-errors]").Text();
        Assert.Contains("row 4 (separated_since): Separated since cannot be in the future.", errors);
        Assert.Contains("Nothing can be imported", errors);
        Assert.Null(preview.QuerySelector("[data-testid=commit-form]"));
        Assert.Contains("4 rows read: 3 ready, 1 with errors", preview.QuerySelector("[data-testid=preview-counts]").Text());
        Assert.Contains("table-danger", preview.QuerySelector("#row-4")!.ClassName);

        // A confirmation forged from the form (the preview offered none) is checked again, and writes nothing.
        var form = await client.GetFormAsync("/Import");
        var forged = new Form { Action = "/Import?handler=Commit" };
        forged["__RequestVerificationToken"] = form["__RequestVerificationToken"];
        forged["Input.Content"] = System.Buffers.Text.Base64Url.EncodeToString(bytes);
        forged["Input.ImportId"] = new string('a', 32);
        var response = await client.PostAsync(forged);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await UserClient.ParseAsync(response);
        Assert.Contains("row 4 (separated_since): Separated since cannot be in the future.", page.QuerySelector("[data-testid=import-errors]").Text());
        Assert.Equal(0, await CaseCountAsync());
        Assert.Equal(0, await WithDbAsync(db => db.Persons.CountAsync(Ct)));
        Assert.Equal(0, await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action != AuditActions.SignInSucceeded, Ct)));
    }

    [Fact]
    public async Task Every_error_of_every_row_is_shown_at_once_with_its_column()
    {
        var (client, _) = await SignInAsync();
        var bytes = ImportCsv.Bytes(
            ImportCsv.Row((F.Category, "Spouse"), (F.BirthYear, "nineteen")),
            ImportCsv.Row((F.SeparatedSince, "1.3.1957"), (F.Title, "")),
            ImportCsv.Row((F.FamilyName, "Петрова"), (F.Citizenships, "Soviet Union")),
            ImportCsv.Row((F.Relatives, "Cousin:Petrov Ivan;Spouse:Петров Иван;Petrov")),
            ImportCsv.Row((F.Category, "Emigration")),
            ImportCsv.Row((F.Sex, "X"), (F.Refusals, "many")));

        var preview = await UploadAsync(client, bytes);

        var errors = preview.QuerySelector("[data-testid=import-errors]").Text();
        Assert.Contains("row 2 (category): \"Spouse\" is not a category: use SeparatedSpouse, DualNational, DividedFamily or Emigration.", errors);
        Assert.Contains("row 2 (birth_year): \"nineteen\" is not a whole number.", errors);
        Assert.Contains("row 3 (separated_since): \"1.3.1957\" is not a date: write dates as yyyy-MM-dd", errors);
        Assert.Contains("row 3 (title): Give the case a title", errors);
        Assert.Contains("row 4 (family_name): Write the family name in Latin letters", errors);
        Assert.Contains("row 4 (citizenships): Write citizenships as two-letter country codes", errors);
        Assert.Contains("row 5 (relatives): \"Cousin\" is not a role of a relative", errors);
        Assert.Contains("row 5 (relatives): \"Spouse:Петров Иван\": write the name in Latin letters, with the Cyrillic form in brackets", errors);
        Assert.Contains("row 5 (relatives): \"Petrov\" has no role", errors);
        Assert.Contains("row 6 (emigration_group): Choose the group of this emigration request.", errors);
        Assert.Contains("row 7 (sex): \"X\" is not a sex", errors);
        Assert.Contains("row 7 (refusals): \"many\" is not a whole number.", errors);
        // A value that could not be read gets its own message, not the validator's second guess.
        Assert.DoesNotContain("A group applies to emigration requests only", errors);
        Assert.Null(preview.QuerySelector("[data-testid=commit-form]"));
    }

    [Fact]
    public async Task A_person_known_already_is_a_warning_that_does_not_block_the_import()
    {
        var (client, user) = await SignInAsync();
        var existing = await CreatedAsync(CaseBuilder.Spouse(), user);
        var bytes = ImportCsv.Bytes(ImportCsv.Row((F.FamilyName, "Petrowa"), (F.NativeFamilyName, ""), (F.Relatives, "")));

        var preview = await UploadAsync(client, bytes);

        var warnings = preview.QuerySelector("[data-testid=import-warnings]").Text();
        Assert.Contains("row 2 (family_name): The applicant may already be known: likely: Petrova Maria Ivanovna / Петрова Мария Ивановна", warnings);
        Assert.Contains($"person {existing.People[0].PersonId}", warnings);
        Assert.Contains(existing.Reference, warnings);
        Assert.Contains("same year of birth (1921)", warnings);
        Assert.Null(preview.QuerySelector("[data-testid=import-errors]"));
        Assert.Contains("table-warning", preview.QuerySelector("#row-2")!.ClassName);

        await ConfirmAsync(client, preview);

        Assert.Equal(2, await CaseCountAsync());
        Assert.Equal(3, await WithDbAsync(db => db.Persons.CountAsync(Ct)));
    }

    [Fact]
    public async Task The_same_person_twice_in_the_file_is_a_warning_on_both_rows()
    {
        var (client, _) = await SignInAsync();
        var bytes = ImportCsv.Bytes(
            ImportCsv.Row((F.Relatives, "")),
            ImportCsv.Person("Orlova", "Орлова", "1930"),
            ImportCsv.Row((F.FamilyName, "Petrova"), (F.GivenName, "Mariya"), (F.NativeFamilyName, ""), (F.NativeGivenName, ""), (F.Relatives, "")),
            // Same name, another year of birth: another person.
            ImportCsv.Row((F.BirthYear, "1950"), (F.Relatives, "")));

        var preview = await UploadAsync(client, bytes);

        var warnings = preview.QuerySelector("[data-testid=import-warnings]").Text();
        Assert.Contains("row 4 (family_name): The applicant looks like the same person as the applicant on row 2 (Petrova Maria Ivanovna / Петрова Мария Ивановна): name similarity", warnings);
        Assert.Contains("row 2 (family_name): The applicant looks like the same person as the applicant on row 4", warnings);
        Assert.DoesNotContain("row 5", warnings);
        Assert.DoesNotContain("row 3", warnings);
        Assert.NotNull(preview.QuerySelector("[data-testid=commit-form]"));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "missing column", "The header has no column \"title\", which is required" },
        { "unknown column", "Unknown column \"Remarks\" (column 23 of the header)" },
        { "no header", "The first row must be the header" },
        { "header only", "The file has a header row but no cases" },
        { "empty", "The file is empty" },
        { "garbage", "not UTF-8 text" },
        { "binary", "binary data" },
        { "xlsx", "spreadsheet workbook" },
        { "utf16", "UTF-16" },
        { "cp1251", "not UTF-8 text (the first byte that is not UTF-8 is on line 2)" },
        { "65 MB", "The file is 65 MB; at most 64 MB can be imported at once" },
        { "too many rows", "The file has 100,001 case rows; at most 100,000 can be imported at once" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_cannot_be_imported_gets_a_message_beside_the_file_field_never_a_500(string kind, string expected)
    {
        var (client, _) = await SignInAsync();
        var bytes = kind switch
        {
            "missing column" => Encoding.UTF8.GetBytes(ImportCsv.File(ImportCsv.Row()).Replace(",title,", ",heading,", StringComparison.Ordinal)),
            "unknown column" => Encoding.UTF8.GetBytes(ImportCsv.Header + ",Remarks\n" + ImportCsv.Row() + ",x\n"),
            "no header" => Encoding.UTF8.GetBytes(ImportCsv.Row() + "\n" + ImportCsv.Row() + "\n"),
            "header only" => Encoding.UTF8.GetBytes(ImportCsv.Header + "\r\n\r\n"),
            "empty" => [],
            "garbage" => Garbage(),
            "binary" => [.. Encoding.UTF8.GetBytes(ImportCsv.Header + "\n"), 0, 0, 0, 7],
            "xlsx" => [0x50, 0x4B, 0x03, 0x04, .. Garbage()],
            "utf16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ImportCsv.File(ImportCsv.Row()))).ToArray(),
            "cp1251" => [.. Encoding.UTF8.GetBytes(ImportCsv.Header + "\n"), 0xCF, 0xE5, 0xF2, 0xF0, 0xEE, 0xE2, 0xE0],
            "65 MB" => new byte[F.MaxBytes + (1024 * 1024)],
            "too many rows" => ImportCsv.Bytes(Enumerable.Repeat(ImportCsv.Row(), F.MaxRows + 1).ToArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var page = await UploadAsync(client, bytes);

        Assert.Contains(expected, page.FieldError("Upload"));
        Assert.Null(page.QuerySelector("[data-testid=commit-form]"));
        Assert.Equal(0, await CaseCountAsync());
    }

    [Fact]
    public async Task A_large_preview_lists_the_first_rows_and_every_row_with_an_error_and_says_so()
    {
        var (client, _) = await SignInAsync();
        var rows = ImportCsv.Many(600);
        rows[450] = ImportCsv.Row((F.BirthYear, "1849"));

        var preview = await UploadAsync(client, ImportCsv.Bytes(rows));

        Assert.Contains("600 rows read: 599 ready, 1 with errors", preview.QuerySelector("[data-testid=preview-counts]").Text());
        var shown = preview.QuerySelectorAll("[data-testid=preview-row]");
        Assert.Equal(Enumerable.Range(2, IndexModel.PreviewRowsShown).Append(452).Select(r => $"row-{r}"), shown.Select(r => r.Id));
        Assert.Contains("The table shows the first 200 rows", preview.QuerySelector("[data-testid=preview-rows-shown]").Text());
        Assert.Contains("row 452 (birth_year)", preview.QuerySelector("[data-testid=import-errors]").Text());
    }

    [Fact]
    public void The_page_takes_the_confirmation_of_a_file_of_the_largest_size()
    {
        // The confirmation posts the content back as base64url; the page's request and form limits must let it through.
        Assert.True(IndexModel.RequestLimit > System.Buffers.Text.Base64Url.GetEncodedLength(F.MaxBytes) + 1024);
        var limits = typeof(IndexModel).GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute), false)
            .Cast<Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute>().Single();
        Assert.Equal(IndexModel.RequestLimit, limits.ValueLengthLimit);
        var size = typeof(IndexModel).GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute), false)
            .Cast<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>().Single();
        Assert.Equal(IndexModel.RequestLimit, size.MaxRequestBodySize);
    }

    private static byte[] Garbage()
    {
        var bytes = new byte[4096];
        new Random(1985).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task A_row_with_too_many_fields_or_a_broken_quote_is_an_error_of_that_row()
    {
        var (client, _) = await SignInAsync();
        var text = ImportCsv.File(
            ImportCsv.Row(),
            ImportCsv.Row() + ",one too many",
            ImportCsv.Row().Replace("Petrova – joining", "Petrova \"the elder\" – joining", StringComparison.Ordinal),
            string.Join(",", ImportCsv.Row().Split(',').Take(5)));

        var page = await UploadAsync(client, Encoding.UTF8.GetBytes(text));

        var errors = page.QuerySelector("[data-testid=import-errors]").Text();
        Assert.Contains("row 3: This row has 23 fields, but the header has 22 columns. Is there a comma in a field that is not in double quotes?", errors);
        Assert.Contains("row 4: Field 3 has a double quote", errors);
        Assert.Contains("row 5: This row has 5 fields, but the header has 22 columns.", errors);
        Assert.DoesNotContain("row 2", errors);
    }

    [Fact]
    public async Task Pasted_text_with_quoted_commas_and_line_breaks_imports_like_a_file()
    {
        var (client, _) = await SignInAsync();
        var form = await client.GetFormAsync("/Import");
        form["Input.Text"] = ImportCsv.File(ImportCsv.Row(
            (F.Title, "Petrova, Maria – \"the long wait\""),
            (F.Summary, "First line, with a comma.\nSecond line."),
            (F.Citizenships, "SU, US")));

        var preview = await UserClient.ParseAsync(await client.PostAsync(form));
        Assert.Contains("1 row read: 1 ready", preview.QuerySelector("[data-testid=preview-counts]").Text());
        await ConfirmAsync(client, preview);

        var saved = await WithDbAsync(db => db.Cases.Include(c => c.People).ThenInclude(p => p.Person).SingleAsync(Ct));
        Assert.Equal("Petrova, Maria – \"the long wait\"", saved.Title);
        Assert.Equal("First line, with a comma.\nSecond line.", saved.Summary?.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(["SU", "US"], saved.People.Single(p => p.Role == PersonRole.ApplicantInUssr).Person.Citizenships);
    }

    [Fact]
    public async Task Neither_a_file_nor_text_or_both_is_a_message_not_an_error_page()
    {
        var (client, _) = await SignInAsync();
        var form = await client.GetFormAsync("/Import");

        var none = await UserClient.ParseAsync(await client.PostAsync(form));
        Assert.Contains("Choose a CSV file to upload, or paste CSV text.", none.FieldError("Upload"));

        using var both = new MultipartFormDataContent
        {
            { new StringContent(form["__RequestVerificationToken"]!), "__RequestVerificationToken" },
            { new StringContent(ImportCsv.File(ImportCsv.Row())), "Input.Text" },
            { new ByteArrayContent(ImportCsv.Bytes(ImportCsv.Row())), "Upload", "cases.csv" },
        };
        var page = await UserClient.ParseAsync(await client.Http.PostAsync("/Import", both, Ct));
        Assert.Contains("not both", page.FieldError("Upload"));
    }

    [Fact]
    public async Task A_confirmation_without_its_preview_or_a_second_confirmation_writes_nothing()
    {
        var (client, _) = await SignInAsync();
        var preview = await UploadAsync(client, ImportCsv.Bytes(ImportCsv.Row()));
        var commit = Form.Read(preview, "/Import", "[data-testid=commit-form]");

        var tampered = Form.Read(preview, "/Import", "[data-testid=commit-form]");
        tampered["Input.Content"] = "not base64!";
        var page = await UserClient.ParseAsync(await client.PostAsync(tampered));
        Assert.Contains("There is nothing to import", page.QuerySelector("[role=alert]").Text());
        Assert.Equal(0, await CaseCountAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(commit)).StatusCode);
        // The back button and the same button again: the preview was imported already.
        var again = await client.PostAsync(commit);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var shown = await client.GetPageAsync(again.Headers.Location!.OriginalString);
        Assert.Contains("imported already", shown.QuerySelector("[role=status]").Text());
        Assert.Equal(1, await CaseCountAsync());
    }

    [Fact]
    public async Task The_sample_file_downloads_and_imports_cleanly()
    {
        var (client, _) = await SignInAsync();
        var page = await client.GetPageAsync("/Import");
        var link = page.QuerySelector("[data-testid=sample-link]")!.GetAttribute("href")!;

        var response = await client.Http.GetAsync(link, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var sample = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot(), "docs", "samples", "cases-import.csv"), Ct), sample);

        var preview = await UploadAsync(client, sample);
        Assert.Null(preview.QuerySelector("[data-testid=import-errors]"));
        Assert.Null(preview.QuerySelector("[data-testid=import-warnings]"));
        var result = await ConfirmAsync(client, preview);

        Assert.Contains("6 cases imported", result.QuerySelector("[role=status]").Text());
        Assert.Equal(6, await CaseCountAsync());
        Assert.Equal(15, await WithDbAsync(db => db.Persons.CountAsync(Ct)));
        Assert.True(await WithDbAsync(db => db.Persons.AnyAsync(p => p.NativeFamilyName == "Ковалёва" && p.City == "Kiev", Ct)));
        Assert.True(await WithDbAsync(db => db.Persons.AnyAsync(p => p.NativeGivenName == "Любовь" && p.FamilyName == "Zhuravleva", Ct)));
    }

    [Fact]
    public async Task The_page_after_an_import_is_only_for_the_user_who_imported()
    {
        var (client, _) = await SignInAsync();
        var preview = await UploadAsync(client, ImportCsv.Bytes(ImportCsv.Row()));
        var commit = await client.PostAsync(Form.Read(preview, "/Import", "[data-testid=commit-form]"));
        var url = commit.Headers.Location!.OriginalString;
        var (colleague, _) = await SignInAsync();

        await colleague.GetPageAsync(url, HttpStatusCode.NotFound);
        await client.GetPageAsync("/Import?id=not-an-import", HttpStatusCode.NotFound);
        Assert.Contains("1 case imported", (await client.GetPageAsync(url)).QuerySelector("[data-testid=import-result]").Text());
    }

    [Fact]
    public async Task The_import_link_is_in_the_navigation_of_caseworkers()
    {
        var (client, _) = await SignInAsync();

        var page = await client.GetPageAsync("/Import");

        Assert.NotNull(page.QuerySelector("nav a[href='/Import']"));
        Assert.NotNull(page.QuerySelector("label[for=Upload]"));
        Assert.NotNull(page.QuerySelector("label[for=Input_Text]"));
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CaseTracker.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (CaseTracker.sln) was not found.");
    }
}
