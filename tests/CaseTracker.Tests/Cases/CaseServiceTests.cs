using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Core.People;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Tests.Cases;

public sealed class CaseServiceTests(TestApp app) : IntegrationTest(app)
{
    private Task<Result<CaseDetails>> CreateAsync(CreateCaseCommand command, Actor actor) =>
        WithServiceAsync<CaseService, Result<CaseDetails>>(s => s.CreateAsync(command, actor, Ct));

    private Task<Result<CaseDetails>> UpdateAsync(UpdateCaseCommand command, Actor actor) =>
        WithServiceAsync<CaseService, Result<CaseDetails>>(s => s.UpdateAsync(command, actor, Ct));

    [Fact]
    public async Task Create_saves_the_case_its_people_and_a_sayable_reference()
    {
        var actor = await ActorAsync();
        var created = await CreatedAsync(CaseBuilder.Spouse(), actor);

        Assert.Matches("^SP-\\d{4}$", created.Reference);
        var saved = await WithDbAsync(db => db.Cases.Include(c => c.People).ThenInclude(p => p.Person)
            .SingleAsync(c => c.Id == created.Id, Ct));
        Assert.Equal(CaseStatus.New, saved.Status);
        Assert.Equal(actor.UserId, saved.AssignedCaseworkerId);
        Assert.Equal(3, saved.RefusalCount);
        Assert.Equal(2, saved.People.Count);
        var applicant = saved.People.Single(p => p.Role == PersonRole.ApplicantInUssr).Person;
        Assert.Equal("Петрова", applicant.NativeFamilyName);
        Assert.Equal(["SU"], applicant.Citizenships);
        Assert.NotEqual(0u, saved.Version);
    }

    [Fact]
    public async Task References_count_up_per_category()
    {
        var actor = await ActorAsync();
        var first = await CreatedAsync(CaseBuilder.Spouse(), actor);
        var second = await CreatedAsync(CaseBuilder.Spouse("Orlova", "Орлова"), actor);
        var dual = CaseBuilder.Spouse();
        dual.Category = CaseCategory.DualNational;
        var third = await CreatedAsync(dual, actor);

        Assert.Equal(int.Parse(first.Reference[3..]) + 1, int.Parse(second.Reference[3..]));
        Assert.StartsWith("DN-", third.Reference);
    }

    public static TheoryData<string, Action<CreateCaseCommand>, string> InvalidCommands() => new()
    {
        { "Title", c => c.Title = "", "Give the case a title" },
        { "Title", c => c.Title = new string('x', 201), "200 characters" },
        { "Title", c => c.Title = "bad\u0001title", "cannot be stored" },
        { "Category", c => c.Category = (CaseCategory)99, "Choose a category" },
        { "EmigrationGroup", c => { c.Category = CaseCategory.Emigration; c.EmigrationGroup = null; }, "Choose the group" },
        { "EmigrationGroup", c => c.EmigrationGroup = EmigrationGroup.Jewish, "emigration requests only" },
        { "Summary", c => c.Summary = new string('x', 4001), "4,000 characters" },
        { "FirstExitApplicationOn", c => c.FirstExitApplicationOn = new DateOnly(1900, 1, 1), "before 1917" },
        { "FirstExitApplicationOn", c => c.FirstExitApplicationOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), "in the future" },
        { "SeparatedSince", c => c.SeparatedSince = new DateOnly(1916, 12, 31), "before 1917" },
        { "SeparatedSince", c => c.SeparatedSince = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), "in the future" },
        { "RefusalCount", c => c.RefusalCount = -1, "between 0 and 100" },
        { "RefusalReason", c => c.RefusalReason = new string('x', 501), "500 characters" },
        { "People", c => c.People.Clear(), "at least one person" },
        { "People", c => c.People[0].Role = PersonRole.Spouse, "applicant in the USSR" },
        { "People[0].FamilyName", c => c.People[0].FamilyName = "", "family name in Latin script" },
        { "People[0].FamilyName", c => { c.People[0].FamilyName = "Петрова"; }, "Latin letters" },
        { "People[0].FamilyName", c => c.People[0].FamilyName = "<script>", "letters, spaces" },
        { "People[0].GivenName", c => c.People[0].GivenName = new string('a', 101), "100 characters" },
        { "People[0].NativeFamilyName", c => c.People[0].NativeFamilyName = "Петрова1", "letters, spaces" },
        { "People[0].BirthYear", c => c.People[0].BirthYear = 1700, "between 1850" },
        { "People[0].BirthDate", c => c.People[0].BirthDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1), "not in the future" },
        { "People[0].BirthYear", c => { c.People[0].BirthDate = new DateOnly(1922, 1, 1); c.People[0].BirthYear = 1921; }, "does not match" },
        { "People[0].Sex", c => c.People[0].Sex = (Sex)7, "sex" },
        { "People[0].City", c => c.People[0].City = new string('c', 101), "100 characters" },
        { "People[0].Citizenships", c => c.People[0].Citizenships = "USSR", "two-letter country codes" },
        { "People[0].IllnessOrDisability", c => c.People[0].IllnessOrDisability = new string('i', 501), "500 characters" },
        { "People[0].HungerStrikes", c => c.People[0].HungerStrikes = -2, "between 0 and 50" },
        { "People[1].Role", c => c.People[1].Role = (PersonRole)42, "role" },
    };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public async Task Each_validation_rule_refuses_the_command_with_a_message_on_its_field_and_writes_nothing(
        string field, Action<CreateCaseCommand> spoil, string message)
    {
        var actor = await ActorAsync();
        var command = CaseBuilder.Spouse();
        spoil(command);

        var invalid = Assert.IsType<Result<CaseDetails>.Invalid>(await CreateAsync(command, actor));

        Assert.Contains(invalid.Errors, e => e.Field == field && e.Message.Contains(message, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await WithDbAsync(db => db.Cases.CountAsync(Ct)));
        Assert.Equal(0, await WithDbAsync(db => db.Persons.CountAsync(Ct)));
    }

    [Fact]
    public async Task Update_changes_the_case_and_its_people_and_adds_and_removes_people()
    {
        var actor = await ActorAsync();
        var created = await CreatedAsync(CaseBuilder.Spouse(), actor);
        var edit = CaseService.ToCommand(created);
        edit.Title = "Petrova – joining husband in Boston";
        edit.RefusalCount = 4;
        edit.People[0].HungerStrikes = 1;
        edit.People[1].Remove = true;
        edit.People.Add(new PersonInput { Role = PersonRole.Child, FamilyName = "Petrov", GivenName = "Pavel", BirthYear = 1950 });

        var updated = Assert.IsType<Result<CaseDetails>.Ok>(await UpdateAsync(edit, actor)).Value;

        Assert.Equal("Petrova – joining husband in Boston", updated.Title);
        Assert.Equal(4, updated.RefusalCount);
        Assert.Equal(["Petrova", "Petrov"], updated.People.Select(p => p.FamilyName));
        Assert.Equal(PersonRole.Child, updated.People[1].Role);
        Assert.Equal(1, updated.People[0].HungerStrikes);
        Assert.True(updated.UpdatedAt > created.UpdatedAt);
        // The removed person is unlinked from the case, not deleted: people can be in several cases.
        Assert.Equal(3, await WithDbAsync(db => db.Persons.CountAsync(Ct)));
    }

    [Fact]
    public async Task Update_of_a_missing_case_is_not_found()
    {
        var actor = await ActorAsync();
        var command = CaseService.ToCommand(await CreatedAsync(CaseBuilder.Spouse(), actor));
        command.Id = 987654;

        Assert.IsType<Result<CaseDetails>.NotFound>(await UpdateAsync(command, actor));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_the_first_save_is_kept()
    {
        var actor = await ActorAsync();
        var created = await CreatedAsync(CaseBuilder.Spouse(), actor);
        var first = CaseService.ToCommand(created);
        var second = CaseService.ToCommand(created);
        first.Title = "Saved first";
        second.Title = "Saved second";

        Assert.IsType<Result<CaseDetails>.Ok>(await UpdateAsync(first, actor));
        var conflict = Assert.IsType<Result<CaseDetails>.Conflict>(await UpdateAsync(second, actor));

        Assert.Equal("Saved first", conflict.Current.Title);
        Assert.Equal("Saved first", await WithDbAsync(db => db.Cases.Where(c => c.Id == created.Id).Select(c => c.Title).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_stale_edit_of_a_person_alone_is_a_conflict_too()
    {
        var actor = await ActorAsync();
        var created = await CreatedAsync(CaseBuilder.Spouse(), actor);
        var first = CaseService.ToCommand(created);
        var second = CaseService.ToCommand(created);
        first.People[0].City = "Leningrad";
        second.People[0].City = "Kiev";

        Assert.IsType<Result<CaseDetails>.Ok>(await UpdateAsync(first, actor));
        Assert.IsType<Result<CaseDetails>.Conflict>(await UpdateAsync(second, actor));

        Assert.Equal("Leningrad", await WithDbAsync(db => db.Persons.Where(p => p.FamilyName == "Petrova").Select(p => p.City).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_conflict_can_be_resolved_by_saving_again_on_the_new_version()
    {
        var actor = await ActorAsync();
        var created = await CreatedAsync(CaseBuilder.Spouse(), actor);
        var first = CaseService.ToCommand(created);
        var second = CaseService.ToCommand(created);
        first.Title = "Saved first";
        second.Title = "Mine after all";
        await UpdateAsync(first, actor);
        var conflict = Assert.IsType<Result<CaseDetails>.Conflict>(await UpdateAsync(second, actor));

        second.Version = conflict.Current.Version;
        second.People[0].Version = conflict.Current.People[0].Version;
        second.People[1].Version = conflict.Current.People[1].Version;

        Assert.Equal("Mine after all", Assert.IsType<Result<CaseDetails>.Ok>(await UpdateAsync(second, actor)).Value.Title);
    }

    [Fact]
    public async Task The_category_of_a_saved_case_cannot_change()
    {
        var actor = await ActorAsync();
        var edit = CaseService.ToCommand(await CreatedAsync(CaseBuilder.Spouse(), actor));
        edit.Category = CaseCategory.DividedFamily;

        var invalid = Assert.IsType<Result<CaseDetails>.Invalid>(await UpdateAsync(edit, actor));
        Assert.Contains(invalid.Errors, e => e.Field == "Category");
    }

    [Fact]
    public async Task List_finds_cases_by_name_in_either_script_and_by_reference_and_filters()
    {
        var actor = await ActorAsync();
        var petrova = await CreatedAsync(CaseBuilder.Spouse(), actor);
        var orlova = await CreatedAsync(CaseBuilder.Spouse("Orlova", "Орлова"), actor);
        var dual = CaseBuilder.Spouse("Sakharov", "Сахаров");
        dual.Category = CaseCategory.DualNational;
        var sakharov = await CreatedAsync(dual, actor);

        async Task<string[]> Find(CaseListQuery q) =>
            (await WithServiceAsync<CaseService, PagedResult<CaseListItem>>(s => s.ListAsync(q, actor, Ct))).Items.Select(i => i.Reference).ToArray();

        Assert.Equal([sakharov.Reference], await Find(new() { Q = "Sakharov" }));
        Assert.Equal([sakharov.Reference], await Find(new() { Q = "Сахаров" }));
        Assert.Equal([sakharov.Reference], await Find(new() { Q = "maria sakharov" }));
        Assert.Equal([orlova.Reference], await Find(new() { Q = "ОРЛОВА" }));
        Assert.Equal([petrova.Reference], await Find(new() { Q = petrova.Reference.ToLowerInvariant() }));
        // A part of a reference with three letters or digits in a row ("0001" of SP-0001); "SP" or "SP-0" would match
        // every reference of the category through the trigram index.
        Assert.Equal([petrova.Reference], await Find(new() { Q = petrova.Reference[3..] }));
        Assert.Empty(await Find(new() { Q = petrova.Reference[..2] }));
        Assert.Empty(await Find(new() { Q = petrova.Reference[..4] }));
        Assert.Equal([petrova.Reference, orlova.Reference], await Find(new() { Category = CaseCategory.SeparatedSpouse }));
        Assert.Empty(await Find(new() { Status = CaseStatus.Reunited }));
        Assert.Empty(await Find(new() { Q = "100%_" }));
    }

    [Fact]
    public async Task List_pages_and_sorts_in_the_database()
    {
        var actor = await ActorAsync();
        for (var i = 0; i < 5; i++)
        {
            var c = CaseBuilder.Spouse();
            c.Title = $"Case {(char)('E' - i)}";
            c.SeparatedSince = new DateOnly(1950 + i, 1, 1);
            await CreatedAsync(c, actor);
        }

        var page2 = await WithServiceAsync<CaseService, PagedResult<CaseListItem>>(s =>
            s.ListAsync(new CaseListQuery { Sort = CaseSort.Title, Page = 2, PageSize = 2 }, actor, Ct));
        Assert.Equal(5, page2.TotalCount);
        Assert.Equal(3, page2.PageCount);
        Assert.Equal(["Case C", "Case D"], page2.Items.Select(i => i.Title));

        var longest = await WithServiceAsync<CaseService, PagedResult<CaseListItem>>(s =>
            s.ListAsync(new CaseListQuery { Sort = CaseSort.Separated, PageSize = 1 }, actor, Ct));
        Assert.Equal(new DateOnly(1950, 1, 1), longest.Items.Single().SeparatedSince);
        Assert.Equal("Petrova Maria", longest.Items.Single().ApplicantName);
        Assert.Equal("Петрова Мария", longest.Items.Single().ApplicantNativeName);

        var beyond = await WithServiceAsync<CaseService, PagedResult<CaseListItem>>(s =>
            s.ListAsync(new CaseListQuery { Page = 99, PageSize = 2 }, actor, Ct));
        Assert.Equal(3, beyond.Page);
    }
}
