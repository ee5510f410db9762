using CaseTracker.Core.Names;
using CaseTracker.Core.People;

namespace CaseTracker.Bench;

/// <summary>
/// Name tables for generated people: Cyrillic family-name roots and endings (Russian, Ukrainian, Belarusian,
/// Jewish, Armenian, Georgian and German shapes), given names, patronymics made from the given names, and the
/// Latin spellings made by the product's own transliteration (mostly the display system, sometimes another).
/// </summary>
internal static class NameTables
{
    private static readonly string[] Roots =
    [
        "Щаран", "Сахар", "Слепак", "Нудел", "Бегун", "Лерн", "Абрам", "Манук", "Горбач", "Иван", "Петр", "Сидор", "Кузнец",
        "Попов", "Смирн", "Волк", "Зайц", "Соловь", "Морозк", "Лебед", "Козл", "Новик", "Орл", "Медвед", "Ковал", "Шевчен",
        "Бондар", "Ткач", "Кравч", "Мельник", "Шапир", "Гольд", "Розен", "Кац", "Рабинов", "Лифшиц", "Гинзбург", "Фрид",
        "Каган", "Эпштейн", "Левин", "Хазан", "Шуст", "Цукерм", "Гершен", "Брод", "Вайнер", "Зильбер", "Эйдель", "Штерн",
        "Аракел", "Саркис", "Погос", "Мартирос", "Григор", "Оганес", "Бабаян", "Геворк", "Джугашв", "Церетел", "Кипиан",
        "Чавчав", "Габуни", "Мюллер", "Шмидт", "Вагнер", "Беккер", "Гофман", "Шульц", "Кох", "Рихтер", "Клейн", "Вольф",
        "Дмитри", "Андре", "Никит", "Федот", "Степан", "Тимоф", "Юдин", "Жук", "Жданов", "Чернов", "Шишк", "Щук", "Хрущ",
        "Журавл", "Чайк", "Шилов", "Щеглов", "Харит", "Цвет", "Яковл", "Юрков", "Ерем", "Евдок", "Ильин", "Игнат", "Лукаш",
        "Марков", "Носов", "Осип", "Пахом", "Рыбак", "Савч", "Тарас", "Устин", "Фомин", "Хмель", "Цыбул", "Чумак", "Шаров",
        "Якуб", "Белоус", "Верб", "Гончар", "Добров", "Ершов", "Зимин", "Калин", "Лопат", "Мороз", "Назар", "Остров", "Панч",
        "Рудн", "Серг", "Трофим", "Ушак", "Филат", "Хомяк", "Цап", "Черн", "Шеп", "Щерб", "Юсуп", "Ярош", "Бурл", "Валуй",
        "Глуш", "Дуб", "Жовт", "Звяг", "Карп", "Лысен", "Мазур", "Нечип", "Олейн", "Приход", "Руд", "Сушк", "Тимчен", "Уман",
    ];

    // Endings that make a family name of a root; the female form of the first three changes.
    private static readonly string[] Endings = ["ов", "ин", "ский", "енко", "ук", "ович", "ян", "ман", "швили", "ер", "ич", "ко"];

    private static readonly string[] MaleGiven =
    [
        "Анатолий", "Андрей", "Борис", "Владимир", "Григорий", "Давид", "Евгений", "Иосиф", "Лев", "Михаил", "Наум", "Пётр",
        "Семён", "Юрий", "Александр", "Виктор", "Яков", "Арон", "Эдуард", "Натан", "Леонид", "Аркадий", "Вениамин",
        "Геннадий", "Дмитрий", "Зиновий", "Игорь", "Константин", "Марк", "Олег", "Павел", "Роман", "Сергей", "Тимофей",
        "Фёдор", "Ефим", "Феликс", "Вадим", "Валерий", "Ашот", "Самвел", "Гурген", "Армен", "Тенгиз", "Ираклий", "Генрих",
        "Илья", "Николай", "Алексей", "Василий",
    ];

    private static readonly string[] FemaleGiven =
    [
        "Ида", "Анна", "Мария", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Галина", "Людмила", "Вера", "Надежда",
        "Любовь", "Софья", "Раиса", "Берта", "Роза", "Фаина", "Инна", "Юлия", "Светлана", "Лариса", "Армине", "Нина", "Зоя",
        "Евгения", "Дина", "Маргарита", "Регина", "Эмма", "Авиталь", "Елизавета",
    ];

    public static readonly string[] CitiesUssr =
    [
        "Moscow", "Leningrad", "Kiev", "Minsk", "Riga", "Vilnius", "Tallinn", "Odessa", "Kharkov", "Yerevan", "Tbilisi",
        "Kishinev", "Lvov", "Novosibirsk", "Sverdlovsk", "Gorky", "Kuybyshev", "Tashkent", "Alma-Ata", "Baku", "Chernovtsy",
    ];

    public static readonly string[] CitiesAbroad =
    [
        "New York", "Los Angeles", "Chicago", "Boston", "Philadelphia", "Fresno", "Miami", "Jerusalem", "Tel Aviv", "Haifa",
        "Frankfurt", "Cologne", "Paris", "London", "Toronto", "Montreal", "Washington", "San Francisco",
    ];

    public static readonly string[] CountriesAbroad = ["US", "US", "US", "IL", "IL", "DE", "FR", "GB", "CA"];

    public static readonly string[] Illnesses =
        ["cancer", "heart disease", "diabetes", "multiple sclerosis", "blindness", "kidney failure", "tuberculosis", "paralysis"];

    private static readonly RomanizationSystem[] Systems = [.. Transliteration.Systems];

    public static int FamilyCount => Roots.Length * Endings.Length;

    /// <summary>The male and female Cyrillic forms of family name number <paramref name="index"/>.</summary>
    public static (string Male, string Female) Family(int index)
    {
        // Spread the common (low) indexes over the table, so the commonest names are not one root's.
        index = (int)((long)index * 7919 % FamilyCount);
        var root = Roots[index % Roots.Length];
        var ending = Endings[(index / Roots.Length + root.Length) % Endings.Length];
        var male = root + ending;
        var female = ending switch
        {
            "ов" or "ин" => male + "а",
            "ский" => root + "ская",
            _ => male,
        };
        return (male, female);
    }

    public static string Given(Random rnd, bool female) => female ? FemaleGiven[rnd.Next(FemaleGiven.Length)] : MaleGiven[rnd.Next(MaleGiven.Length)];

    public static string Patronymic(string fatherGiven, bool female)
    {
        var stem = fatherGiven switch
        {
            "Пётр" => "Петр",
            "Лев" => "Льв",
            "Илья" => "Иль",
            _ when fatherGiven.EndsWith("ий", StringComparison.Ordinal) => fatherGiven[..^2] + "ь",
            _ when fatherGiven.EndsWith('й') => fatherGiven[..^1],
            _ => fatherGiven,
        };
        var soft = stem.EndsWith('ь') || fatherGiven.EndsWith('й');
        if (fatherGiven == "Илья")
        {
            return female ? "Ильинична" : "Ильич";
        }
        return stem + (soft ? (female ? "евна" : "евич") : (female ? "овна" : "ович"));
    }

    public static string PatronymicFor(Random rnd, bool female) => Patronymic(MaleGiven[rnd.Next(MaleGiven.Length)], female);

    /// <summary>A Latin spelling: usually the display romanisation, one time in four another system.</summary>
    public static string Latin(string cyrillic, Random rnd) =>
        rnd.Next(4) == 0 ? Transliteration.Romanize(cyrillic, Systems[rnd.Next(Systems.Length)]) : Transliteration.Display(cyrillic);

    public static string OtherLatin(string cyrillic, Random rnd) => Transliteration.Romanize(cyrillic, Systems[rnd.Next(Systems.Length)]);
}
