namespace CaseTracker.Tests.Names;

/// <summary>One original name in Cyrillic and the spellings under which it is met.</summary>
/// <param name="Original">The name in its own Cyrillic (Russian, Ukrainian or Belarusian).</param>
/// <param name="Attested">Spellings seen in print: press, encyclopedias, the person's own usage (sources in the comment
/// above each group), and other Cyrillic forms (female form, е for ё, the Russian form of a Ukrainian name).</param>
/// <param name="Generated">Spellings taken from the standard tables (GOST 7.79 B, BGN/PCGN, LoC, ICAO) or the popular
/// systems, where no printed use was at hand. Test data, not output of the code under test: written by hand.</param>
public sealed record NameVariantGroup(string Original, string[] Attested, string[] Generated);

/// <summary>
/// Real-world spellings of names from the domain (the 1985 letter's refuseniks and dissidents) and of well-known
/// Russian, Ukrainian and Belarusian names as printed in English, German, French, Spanish, Italian, Polish and Czech.
/// Abbreviations in the source comments: en/de/fr/es/it/pl/cs = usual spelling in that language's press and
/// encyclopedias (Wikipedia article titles in that language, Britannica, Larousse, Duden); "own" = the person's own
/// Latin spelling. Spot-checked in public pages while compiling: El País 1984 (Sajarov, Jruschov), Resmusica and
/// Larousse (Vichnevskaïa, Vichnevskaia), Spiegel (Wischnewskaja, Rostropowitsch), sapere.it (Višnevskaja,
/// Rostropovič), pl.wikipedia (Wojnowicz, Bukowski, Wasil Bykau), de.wikipedia (Wassil Bykau), fr pages
/// (Tsvétaïeva, Tsvetaïeva, Vassil Bykaw), Polish texts (Cwietajewa, Achmatowa, Aksionow, Chruszczow).
/// </summary>
public static class NameVariants
{
    public static IReadOnlyList<NameVariantGroup> Groups { get; } =
    [
        // Letter of 1985-12-07 (Anatoliy Shcharanskiy); NYT 1977–86 Shcharansky; own spelling from 1986 Sharansky;
        // de Scharanski; fr Chtcharanski; female form of his wife's Soviet surname. Generated: LoC/ICAO, GOST B, Duden,
        // BGN female.
        new("Щаранский",
            ["Shcharanskiy", "Shcharansky", "Sharansky", "Scharanski", "Chtcharanski", "Щаранская"],
            ["Shcharanskii", "Shharanskij", "Schtscharanski", "Shcharanskaya"]),

        // Letter of 1985 (the Sakharovs); de Sacharow; es Sajarov (El País); cs/it Sacharov. Generated: -off form,
        // GOST B, female form.
        new("Сахаров",
            ["Sakharov", "Sacharow", "Sajarov", "Sacharov"],
            ["Sakharoff", "Saxarov", "Sakharova"]),

        // Letter of 1985 (Yelena Bonner); Russian press spells her name with е. Generated: GOST B.
        new("Боннэр",
            ["Bonner", "Боннер"],
            ["Bonne`r"]),

        // en Gorbachev; de Gorbatschow; fr Gorbatchev; es Gorbachov; pl Gorbaczow; cs Gorbačov; е for ё.
        // Generated: GOST B.
        new("Горбачёв",
            ["Gorbachev", "Gorbatschow", "Gorbatchev", "Gorbachov", "Gorbaczow", "Gorbačov", "Горбачев"],
            ["Gorbachyov"]),

        // en Khrushchev; de Chruschtschow; fr Khrouchtchev; es Jruschov (El País); pl Chruszczow; cs Chruščov;
        // it Krusciov; е for ё. Generated: GOST B, BGN with yo.
        new("Хрущёв",
            ["Khrushchev", "Chruschtschow", "Khrouchtchev", "Jruschov", "Chruszczow", "Chruščov", "Krusciov", "Хрущев"],
            ["Xrushhyov", "Khrushchyov"]),

        // en Solzhenitsyn; de Solschenizyn; fr Soljenitsyne; es Solzhenitsin; pl Sołżenicyn; cs/it (scholarly)
        // Solženicyn; it (press) Solgenitsin. Generated: GOST B.
        new("Солженицын",
            ["Solzhenitsyn", "Solschenizyn", "Soljenitsyne", "Solzhenitsin", "Sołżenicyn", "Solženicyn", "Solgenitsin"],
            ["Solzheniczy`n"]),

        // en Tchaikovsky; de Tschaikowski, older Tschaikowsky; fr Tchaïkovski; cs/it Čajkovskij; pl Czajkowski;
        // es Chaikovski. Generated: BGN, LoC/ICAO, GOST B.
        new("Чайковский",
            ["Tchaikovsky", "Tschaikowski", "Tschaikowsky", "Tchaïkovski", "Čajkovskij", "Czajkowski", "Chaikovski"],
            ["Chaykovskiy", "Chaikovskii", "Chajkovskij"]),

        // en Dostoevsky, Dostoyevsky; de Dostojewski, scholarly Dostojewskij; fr Dostoïevski; es Dostoievski;
        // cs/sv Dostojevskij. Generated: BGN, LoC/ICAO.
        new("Достоевский",
            ["Dostoevsky", "Dostoyevsky", "Dostojewski", "Dostojewskij", "Dostoïevski", "Dostoievski", "Dostojevskij"],
            ["Dostoyevskiy", "Dostoevskii"]),

        // en Yeltsin; de Jelzin; fr Eltsine; it Eltsin; pl Jelcyn; cs Jelcin. Generated: GOST B.
        new("Ельцин",
            ["Yeltsin", "Jelzin", "Eltsine", "Eltsin", "Jelcyn", "Jelcin"],
            ["El`czin"]),

        // en Yevtushenko; de Jewtuschenko; fr Evtouchenko; es/it Evtushenko; pl Jewtuszenko; cs Jevtušenko.
        new("Евтушенко",
            ["Yevtushenko", "Jewtuschenko", "Evtouchenko", "Evtushenko", "Jewtuszenko", "Jevtušenko"],
            []),

        // Letter of 1985 (Yuri Orlov); de Orlow; Orloff (the Orlov diamond, older en/fr); female forms. Generated:
        // de female.
        new("Орлов",
            ["Orlov", "Orlow", "Orloff", "Орлова", "Orlova"],
            ["Orlowa"]),

        // own Rachmaninoff; de Rachmaninow; en (Grove) Rakhmaninov; fr/it/cs Rachmaninov; es Rajmáninov.
        new("Рахманинов",
            ["Rachmaninoff", "Rachmaninow", "Rakhmaninov", "Rachmaninov", "Rajmáninov"],
            []),

        // en/fr Prokofiev; en also Prokofyev; de Prokofjew; older en/fr Prokofieff; es Prokófiev; cs Prokofjev.
        // Generated: LoC/ICAO, GOST B.
        new("Прокофьев",
            ["Prokofiev", "Prokofyev", "Prokofjew", "Prokofieff", "Prokófiev", "Prokofjev"],
            ["Prokofev", "Prokof`ev"]),

        // en Rostropovich; de Rostropowitsch (Spiegel); fr Rostropovitch; pl Rostropowicz; it/cs Rostropovič (sapere.it).
        new("Ростропович",
            ["Rostropovich", "Rostropowitsch", "Rostropovitch", "Rostropowicz", "Rostropovič"],
            []),

        // own Brodsky; pl Brodski; it/cs Brodskij. Generated: BGN, LoC/ICAO.
        new("Бродский",
            ["Brodsky", "Brodski", "Brodskij"],
            ["Brodskiy", "Brodskii"]),

        // en Vysotsky; de Wyssozki; fr Vyssotski; pl Wysocki; it/cs Vysockij. Generated: BGN, GOST B.
        new("Высоцкий",
            ["Vysotsky", "Wyssozki", "Vyssotski", "Wysocki", "Vysockij"],
            ["Vysotskiy", "Vy`sockij"]),

        // en Zhukov; de Schukow; fr Joukov; pl Żukow; cs/it Žukov; es Zhúkov.
        new("Жуков",
            ["Zhukov", "Schukow", "Joukov", "Żukow", "Žukov", "Zhúkov"],
            []),

        // en Chekhov; de Tschechow; fr Tchekhov; es Chéjov; pl Czechow; cs/it Čechov.
        new("Чехов",
            ["Chekhov", "Tschechow", "Tchekhov", "Chéjov", "Czechow", "Čechov"],
            []),

        // en Tolstoy; de Tolstoi; fr Tolstoï; es Tolstói; pl Tołstoj; it/cs Tolstoj; Tatyana Tolstaya (en), female form.
        new("Толстой",
            ["Tolstoy", "Tolstoi", "Tolstoï", "Tolstói", "Tołstoj", "Tolstoj", "Tolstaya", "Толстая"],
            []),

        // en Shchedrin; de Schtschedrin; fr Chtchedrine; pl Szczedrin; cs/it Ščedrin.
        new("Щедрин",
            ["Shchedrin", "Schtschedrin", "Chtchedrine", "Szczedrin", "Ščedrin"],
            []),

        // en Shostakovich; de Schostakowitsch; fr Chostakovitch (Larousse); pl Szostakowicz; cs/it Šostakovič;
        // es Shostakóvich.
        new("Шостакович",
            ["Shostakovich", "Schostakowitsch", "Chostakovitch", "Szostakowicz", "Šostakovič", "Shostakóvich"],
            []),

        // Ukrainian. en Shevchenko; de Schewtschenko; fr Chevtchenko; pl Szewczenko; cs Ševčenko.
        new("Шевченко",
            ["Shevchenko", "Schewtschenko", "Chevtchenko", "Szewczenko", "Ševčenko"],
            []),

        // Ukrainian. en (official since 1995) Kyiv; de (since 2022) Kyjiw. Generated: GOST B, French table.
        new("Київ",
            ["Kyiv", "Kyjiw"],
            ["Ky`yiv", "Kyïv"]),

        // Russian form of the city. en/fr/es/it Kiev; de Kiew; older de Kijew.
        new("Киев",
            ["Kiev", "Kiew", "Kijew"],
            []),

        // Ukrainian, the painter Ivan Izhakevych (en). Generated: Ukrainian national system / BGN (initial ї = yi).
        new("Їжакевич",
            ["Izhakevych"],
            ["Yizhakevych"]),

        // Belarusian. BGN/RFE-RL Lukashenka; Łacinka Łukašenka; Russian form in en Lukashenko, de Lukaschenko,
        // fr Loukachenko; pl Łukaszenka. Generated: GOST B.
        new("Лукашэнка",
            ["Lukashenka", "Łukašenka", "Lukashenko", "Lukaschenko", "Loukachenko", "Łukaszenka"],
            ["Lukashe`nka"]),

        // Belarusian, the writer Vasil Bykaŭ: Łacinka Bykaŭ; de/pl Bykau; fr Bykaw; Russian form en Bykov, de Bykow.
        new("Быкаў",
            ["Bykaŭ", "Bykau", "Bykaw", "Bykov", "Bykow"],
            []),

        // en Mussorgsky, (Grove) Musorgsky; de Mussorgski; fr Moussorgski; es Músorgski; it Musorgskij.
        new("Мусоргский",
            ["Mussorgsky", "Musorgsky", "Mussorgski", "Moussorgski", "Músorgski", "Musorgskij"],
            []),

        // own/en Stravinsky; de Strawinsky; pl Strawiński; it/cs Stravinskij; es Stravinski.
        new("Стравинский",
            ["Stravinsky", "Strawinsky", "Strawiński", "Stravinskij", "Stravinski"],
            []),

        // en Solovyov, Soloviev; de Solowjow; es Soloviov; cs Solovjov; е for ё.
        new("Соловьёв",
            ["Solovyov", "Soloviev", "Solowjow", "Soloviov", "Solovjov", "Соловьев"],
            []),

        // en Zaitsev, Zaytsev; de Saizew; fr Zaïtsev; cs/it Zajcev.
        new("Зайцев",
            ["Zaitsev", "Zaytsev", "Saizew", "Zaïtsev", "Zajcev"],
            []),

        // en Kuznetsov, Kuznetsova (Svetlana Kuznetsova); de Kusnezow; fr Kouznetsov; pl Kuzniecow; cs Kuzněcov.
        new("Кузнецов",
            ["Kuznetsov", "Kusnezow", "Kouznetsov", "Kuzniecow", "Kuzněcov", "Kuznetsova"],
            []),

        // en Brezhnev; de Breschnew; fr Brejnev; pl Breżniew; cs Brežněv; es Brézhnev, also Breznev (El País 1988);
        // it Breznev.
        new("Брежнев",
            ["Brezhnev", "Breschnew", "Brejnev", "Breżniew", "Brežněv", "Brézhnev", "Breznev"],
            []),

        // Georgian name in Russian. en Shevardnadze; de Schewardnadse; fr Chevardnadze; pl Szewardnadze;
        // cs Ševardnadze.
        new("Шеварднадзе",
            ["Shevardnadze", "Schewardnadse", "Chevardnadze", "Szewardnadze", "Ševardnadze"],
            []),

        // en Chernenko; de Tschernenko; fr Tchernenko; pl Czernienko; cs Černěnko.
        new("Черненко",
            ["Chernenko", "Tschernenko", "Tchernenko", "Czernienko", "Černěnko"],
            []),

        // en Andropov; de/pl Andropow.
        new("Андропов",
            ["Andropov", "Andropow"],
            []),

        // en Vishnevskaya; de Wischnewskaja (Spiegel); fr Vichnevskaïa (Resmusica), Vichnevskaia (Larousse);
        // it Višnevskaja (sapere.it). Generated: LoC/ICAO.
        new("Вишневская",
            ["Vishnevskaya", "Wischnewskaja", "Vichnevskaïa", "Vichnevskaia", "Višnevskaja"],
            ["Vishnevskaia"]),

        // en/fr Tsvetaeva; en (Britannica) Tsvetayeva; fr Tsvétaïeva, Tsvetaïeva; de Zwetajewa; pl Cwietajewa;
        // it Cvetaeva.
        new("Цветаева",
            ["Tsvetaeva", "Tsvetayeva", "Tsvétaïeva", "Tsvetaïeva", "Zwetajewa", "Cwietajewa", "Cvetaeva"],
            []),

        // en/fr Akhmatova; de/pl Achmatowa; es Ajmátova; it/cs Achmatova.
        new("Ахматова",
            ["Akhmatova", "Achmatowa", "Ajmátova", "Achmatova"],
            []),

        // en Aksyonov, Aksenov; de/pl Aksjonow; pl also Aksionow; fr Axionov.
        new("Аксёнов",
            ["Aksyonov", "Aksenov", "Aksjonow", "Aksionow", "Axionov"],
            []),

        // en Voinovich; de Woinowitsch; fr Voïnovitch; pl Wojnowicz (pl.wikipedia); cs/it Vojnovič.
        new("Войнович",
            ["Voinovich", "Woinowitsch", "Voïnovitch", "Wojnowicz", "Vojnovič"],
            []),

        // en Bukovsky; de/pl Bukowski (pl.wikipedia); fr Boukovski; it Bukovskij.
        new("Буковский",
            ["Bukovsky", "Bukowski", "Boukovski", "Bukovskij"],
            []),

        // en/es Pushkin; de Puschkin; fr Pouchkine; pl Puszkin; cs/it Puškin.
        new("Пушкин",
            ["Pushkin", "Puschkin", "Pouchkine", "Puszkin", "Puškin"],
            []),

        // Ukrainian. en Khmelnytsky, (national system) Khmelnytskyi, (from Russian) Khmelnitsky; pl Chmielnicki;
        // de Chmelnyzkyj; Russian Cyrillic form.
        new("Хмельницький",
            ["Khmelnytsky", "Khmelnytskyi", "Khmelnitsky", "Chmielnicki", "Chmelnyzkyj", "Хмельницкий"],
            []),

        // Ukrainian. en Hrushevsky, (from Russian) Grushevsky; de Hruschewskyj; pl Hruszewski; Russian Cyrillic form.
        new("Грушевський",
            ["Hrushevsky", "Grushevsky", "Hruschewskyj", "Hruszewski", "Грушевский"],
            []),

        // Ukrainian dissident Petro Grigorenko (en, from Russian) / Hryhorenko (Ukrainian national system).
        new("Григоренко",
            ["Grigorenko", "Hryhorenko"],
            []),

        // Anatoly Marchenko: en Marchenko; de Martschenko; fr Martchenko; pl Marczenko.
        new("Марченко",
            ["Marchenko", "Martschenko", "Martchenko", "Marczenko"],
            []),

        // Given names. Letter of 1985 Yuri; en Yuriy, Yury; de Juri; fr Iouri; cs/sl Jurij. Generated: LoC/ICAO.
        new("Юрий",
            ["Yuri", "Yuriy", "Yury", "Juri", "Iouri", "Jurij"],
            ["Iurii"]),

        // Letter of 1985 Yelena; en/es/it Elena; de Jelena; fr Hélène (translated name: given-name table).
        new("Елена",
            ["Yelena", "Elena", "Jelena", "Hélène"],
            []),

        // Letter of 1985 Anatoliy; en Anatoly; de Anatolij, Anatoli; fr Anatole (translated: table); Natan, the name
        // Shcharansky took in Israel (adopted: table).
        new("Анатолий",
            ["Anatoliy", "Anatoly", "Anatolij", "Anatoli", "Anatole", "Natan"],
            []),

        // en Andrei, Andrey; de/cs/it Andrej; fr Andreï, André (translated: table).
        new("Андрей",
            ["Andrei", "Andrey", "Andrej", "Andreï", "André"],
            []),

        // en Mikhail; de Michail; fr Mikhaïl; es Mijaíl; pl Michaił; ro Mihail.
        new("Михаил",
            ["Mikhail", "Michail", "Mikhaïl", "Mijaíl", "Michaił", "Mihail"],
            []),

        // en Fyodor, Fedor; de Fjodor; fr Fiodor; es Fiódor; е for ё.
        new("Фёдор",
            ["Fyodor", "Fedor", "Fjodor", "Fiodor", "Fiódor", "Федор"],
            []),

        // en Aleksandr, Alexander; fr Alexandre; pl Aleksander; cs Alexandr.
        new("Александр",
            ["Aleksandr", "Alexander", "Alexandre", "Aleksander", "Alexandr"],
            []),

        // en Yevgeny, Evgeny; de Jewgeni; fr Evgueni; it Evgenij; en Eugene (translated: table).
        new("Евгений",
            ["Yevgeny", "Evgeny", "Jewgeni", "Evgueni", "Evgenij", "Eugene"],
            []),
    ];
}
