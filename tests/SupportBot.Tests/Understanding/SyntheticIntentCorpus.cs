using System.Globalization;
using System.Text;

namespace SupportBot.Tests.Understanding;

/// <summary>One utterance and the intent it expresses.</summary>
internal sealed record LabelledText(string Text, string Intent);

/// <summary>
/// A deterministic, CLINC-like synthetic corpus for testing the intent classifier at scale: up to 150 intents over
/// eleven domains, each written as 4–8 slotted sentence templates with small verb/noun synonym lists, plus out-of-scope
/// utterances from templates about topics no intent covers. Neighbouring intents share vocabulary on purpose
/// (transfer, balance and transactions all say "account"), so no single keyword gives an intent away.
/// Generated at run time from a seeded <see cref="Random"/>, never stored.
/// </summary>
internal static class SyntheticIntentCorpus
{
    public const string OutOfScope = "oos";

    // When a template space runs dry, stop retrying and repeat an utterance of the same split instead.
    private const int AttemptsPerUtterance = 200;
    private const double FillerRate = 0.15, TypoRate = 0.10, BareRate = 0.30, LowerCaseRate = 0.25;

    private static readonly string[] FillerPrefixes = ["hey", "um", "uh", "hi", "ok so", "so", "excuse me", "hello", "hmm"];
    private static readonly string[] FillerSuffixes = ["please", "thanks", "thank you", "pls", "if you can", "asap", "thx"];
    private static readonly string[] AmountFormats = ["{0} dollars", "${0}.{1:00}", "{0} bucks", "{0} euros", "${2:N0}", "${0}"];
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "what", "what's", "whats", "how", "how's", "when", "where", "where's", "who", "who's", "why", "which", "is", "are",
        "am", "do", "does", "did", "can", "could", "would", "will", "should", "has", "have", "any", "were", "was",
    };

    private static readonly Dictionary<string, string[]> Vocabulary = ParseVocabulary(SharedVocabulary);
    private static readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> Slots = Vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly IntentFrame[] Frames = ParseIntents(IntentTable);
    private static readonly string[] OutOfScopeTemplates = Validate(OutOfScope, Split(OutOfScopeTable), frame: null);

    /// <summary>Every intent the generator knows, in the order <see cref="Generate"/> takes them: domains interleaved.</summary>
    public static IReadOnlyList<string> AvailableIntents { get; } = Frames.Select(f => f.Name).ToArray();

    public static string DomainOf(string intent) =>
        Array.Find(Frames, f => f.Name == intent)?.Domain ?? throw new ArgumentException($"Unknown intent '{intent}'.", nameof(intent));

    /// <summary>
    /// CLINC-like: <paramref name="intents"/> intents spread over several domains (banking, travel, home automation,
    /// kitchen, work, auto, utility, small talk, credit cards, meta…), per intent <paramref name="train"/>/
    /// <paramref name="valid"/>/<paramref name="test"/> utterances, plus out-of-scope utterances labelled
    /// <see cref="OutOfScope"/>. No text occurs in two splits, not even with other case or punctuation (see <see cref="Key"/>).
    /// </summary>
    public static (IReadOnlyList<LabelledText> Train, IReadOnlyList<LabelledText> Valid, IReadOnlyList<LabelledText> Test) Generate(
        int intents = 60, int train = 100, int valid = 20, int test = 30, int oosTrain = 100, int oosValid = 100, int oosTest = 400, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intents, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(intents, Frames.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(train);
        ArgumentOutOfRangeException.ThrowIfNegative(valid);
        ArgumentOutOfRangeException.ThrowIfNegative(test);
        ArgumentOutOfRangeException.ThrowIfNegative(oosTrain);
        ArgumentOutOfRangeException.ThrowIfNegative(oosValid);
        ArgumentOutOfRangeException.ThrowIfNegative(oosTest);

        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<LabelledText> trainSet = [], validSet = [], testSet = [];
        // No filler for small talk: "hey" and "thanks" are small-talk intents of their own.
        var sources = Frames.Take(intents)
            .Select(f => (f.Name, f.Templates, Frame: (IntentFrame?)f, Filler: f.Domain != "small talk", Test: test, Valid: valid, Train: train))
            .Append((OutOfScope, OutOfScopeTemplates, null, true, oosTest, oosValid, oosTrain));

        // Test and valid draw first, so if a template space ever runs dry only train repeats itself.
        foreach (var source in sources)
        {
            Draw(source.Name, source.Templates, source.Frame, source.Filler, source.Test, testSet, seen, random);
            Draw(source.Name, source.Templates, source.Frame, source.Filler, source.Valid, validSet, seen, random);
            Draw(source.Name, source.Templates, source.Frame, source.Filler, source.Train, trainSet, seen, random);
        }

        Shuffle(trainSet, random);
        Shuffle(validSet, random);
        Shuffle(testSet, random);
        return (trainSet, validSet, testSet);
    }

    /// <summary>Lower-case words of letters and digits, ignoring the punctuation <see cref="Style"/> may drop.</summary>
    public static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('\'' or ',' or '.' or '?' or '!') && key.Length > 0 && key[^1] != ' ')
            {
                key.Append(' ');
            }
        }

        return key.ToString().TrimEnd();
    }

    private static void Draw(string label, string[] templates, IntentFrame? frame, bool filler, int count,
        List<LabelledText> split, HashSet<string> seen, Random random)
    {
        var start = split.Count;
        for (var i = 0; i < count; i++)
        {
            string? text = null;
            for (var attempt = 0; attempt < AttemptsPerUtterance && text is null; attempt++)
            {
                var plain = Expand(templates[random.Next(templates.Length)], frame, random);
                var noisy = AddNoise(plain, filler, random);
                text = seen.Add(Key(noisy)) ? Style(noisy, IsQuestion(plain), random) : null;
            }

            if (text is null && split.Count == start)
            {
                throw new InvalidOperationException($"'{label}' cannot produce a single new utterance.");
            }

            split.Add(text is null ? split[random.Next(start, split.Count)] : new LabelledText(text, label));
        }
    }

    private static string Expand(string template, IntentFrame? frame, Random random)
    {
        var text = new StringBuilder(template.Length + 48);
        Append(text, template, frame, random, depth: 0);

        // Empty options leave double spaces and spaces before commas behind.
        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words).Replace(" ,", ",", StringComparison.Ordinal).Trim(',', ' ');
    }

    private static void Append(StringBuilder text, string template, IntentFrame? frame, Random random, int depth)
    {
        for (var at = 0; at < template.Length;)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                text.Append(template, at, template.Length - at);
                return;
            }

            var close = template.IndexOf('}', open);
            var value = template.AsSpan(open + 1, close - open - 1) switch
            {
                "v" => Pick(frame!.Verbs, random),
                "n" => Pick(frame!.Nouns, random),
                "x" => Pick(frame!.Extras, random),
                "num" => random.Next(2, 15).ToString(CultureInfo.InvariantCulture),
                "big" => random.Next(100, 5000).ToString(CultureInfo.InvariantCulture),
                "amount" => Amount(random),
                var slot => Pick(Slots[slot], random),
            };
            text.Append(template, at, open - at);
            if (depth < 3 && value.Contains('{'))
            {
                Append(text, value, frame, random, depth + 1);
            }
            else
            {
                text.Append(value);
            }

            at = close + 1;
        }
    }

    private static string Pick(string[] options, Random random) => options[random.Next(options.Length)];

    private static string Amount(Random random)
    {
        var value = random.Next(5, 2500);
        return string.Format(CultureInfo.InvariantCulture, Pick(AmountFormats, random), value, random.Next(100), value * 10);
    }

    private static string AddNoise(string text, bool filler, Random random)
    {
        if (filler && random.NextDouble() < FillerRate)
        {
            text = random.Next(2) == 0 ? $"{Pick(FillerPrefixes, random)} {text}" : $"{text} {Pick(FillerSuffixes, random)}";
        }

        return random.NextDouble() < TypoRate ? Typo(text, random) : text;
    }

    /// <summary>Swaps two neighbouring letters of one word, or drops one of its letters.</summary>
    private static string Typo(string text, Random random)
    {
        var words = text.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 4 && words[i].All(char.IsLetter)).ToArray();
        if (candidates.Length == 0)
        {
            return text;
        }

        var index = candidates[random.Next(candidates.Length)];
        var word = words[index].ToCharArray();
        var at = random.Next(1, word.Length - 1);
        if (random.Next(2) == 0 && word[at] != word[at + 1])
        {
            (word[at], word[at + 1]) = (word[at + 1], word[at]);
            words[index] = new string(word);
        }
        else
        {
            words[index] = words[index].Remove(at, 1);
        }

        return string.Join(' ', words);
    }

    /// <summary>Bare (no punctuation), lower case with punctuation, or a capitalised sentence; never changes the <see cref="Key"/>.</summary>
    private static string Style(string text, bool question, Random random)
    {
        var mode = random.NextDouble();
        if (mode < BareRate)
        {
            // "$12.50" and "$1,200" keep their separators; "what's" may become "whats".
            var dropApostrophes = random.Next(2) == 0;
            return string.Concat(text.Where((c, i) => c switch
            {
                ',' or '.' => i > 0 && i < text.Length - 1 && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]),
                '?' or '!' => false,
                '\'' => !dropApostrophes,
                _ => true,
            }));
        }

        var end = question ? "?" : random.Next(4) switch { 0 => "", 1 => "!", _ => "." };
        if (mode < BareRate + LowerCaseRate)
        {
            return text + end;
        }

        var words = text.Split(' ').Select(w => w == "i" || w.StartsWith("i'", StringComparison.Ordinal) ? "I" + w[1..] : w);
        var sentence = string.Join(' ', words);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + end;
    }

    /// <summary>The last clause decides ("i lost it, where is it" asks); a leading "so" or "hey" does not count.</summary>
    private static bool IsQuestion(string text)
    {
        var clause = text[(text.LastIndexOf(", ", StringComparison.Ordinal) + 1)..].TrimStart();
        var lead = Array.Find(Vocabulary["lead"], l => l.Length > 0 && clause.StartsWith(l + " ", StringComparison.Ordinal));
        return QuestionWords.Contains(clause[(lead?.Length ?? 0)..].TrimStart().Split(' ')[0]);
    }

    private static void Shuffle(List<LabelledText> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static Dictionary<string, string[]> ParseVocabulary(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(" = "))
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(parts => Options(parts[1])).ToArray(), StringComparer.Ordinal);

    /// <summary>Reads the intent table and orders it round robin over domains, so a few intents already span them all.</summary>
    private static IntentFrame[] ParseIntents(string table)
    {
        Validate("vocabulary", Vocabulary.Values.SelectMany(v => v).ToArray(), frame: null);
        var frames = new List<IntentFrame>();
        var domain = "";
        foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                domain = line.TrimStart('#', ' ').Trim();
            }
            else if (line.StartsWith(' '))
            {
                frames[^1] = frames[^1] with { Templates = [.. frames[^1].Templates, .. Split(line)] };
            }
            else
            {
                var parts = line.Split(" = ");
                var lists = parts[1].Split('/').Select(Options).Concat([[], [], []]).ToArray();
                frames.Add(new IntentFrame(parts[0].Trim(), domain, lists[0], lists[1], lists[2], []));
            }
        }

        foreach (var frame in frames)
        {
            Validate(frame.Name, frame.Templates, frame);
            if (frame.Templates.Length is < 4 or > 8 || frames.Count(f => f.Name == frame.Name) > 1)
            {
                throw new InvalidOperationException($"Intent '{frame.Name}' is defined twice or has not 4 to 8 templates.");
            }
        }

        var byDomain = frames.GroupBy(f => f.Domain, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        return Enumerable.Range(0, byDomain.Max(d => d.Count)).SelectMany(round => byDomain.Where(d => round < d.Count).Select(d => d[round])).ToArray();
    }

    private static string[] Split(string templates) =>
        templates.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Options(string list) =>
        list.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(o => o == "~" ? "" : o).ToArray();

    /// <summary>Fails fast on a typo in the tables: every slot must name a vocabulary entry, a generated value or a list of the intent.</summary>
    private static string[] Validate(string label, string[] templates, IntentFrame? frame)
    {
        foreach (var template in templates)
        {
            for (var at = template.IndexOf('{', StringComparison.Ordinal); at >= 0; at = template.IndexOf('{', at + 1))
            {
                var slot = template[(at + 1)..template.IndexOf('}', at)];
                var known = slot switch
                {
                    "v" => frame?.Verbs.Length > 0,
                    "n" => frame?.Nouns.Length > 0,
                    "x" => frame?.Extras.Length > 0,
                    "num" or "big" or "amount" => true,
                    _ => Vocabulary.ContainsKey(slot),
                };
                if (!known)
                {
                    throw new InvalidOperationException($"Template '{template}' of '{label}' uses unknown slot {{{slot}}}.");
                }
            }
        }

        return templates;
    }

    private sealed record IntentFrame(string Name, string Domain, string[] Verbs, string[] Nouns, string[] Extras, string[] Templates);

    // "~" is the empty option; a slot spread over several lines gets them all. Slots nest ({name} → {first});
    // {num}, {big} and {amount} are generated.
    private const string SharedVocabulary = """
        can_you = can you|could you|could you please|would you|please|i need you to|help me|i'd like you to|go ahead and|~|~|~
        want_to = i want to|i'd like to|i need to|i wanna|i would like to|let me|i have to|i'm trying to
        how_do_i = how do i|how can i|how would i|what's the best way to|what do i do to|how should i|is there a way to
        what_is = what is|what's|tell me|show me|can you tell me|i want to know|do you know|could you check
        tell_me = tell me|can you tell me|i want to know|i'd like to know|do you know|let me know|please tell me
        lead = ~|~|~|~|so|ok|hey|well|just curious,|i was wondering,|quick question,|um|alright|hmm
        bot = ~|~|~|bot|assistant|buddy|my friend|robot
        end = ~|~|~|~|please|now|for me|right now|asap|when you get a chance|real quick|if you can
        now = ~|~|right now|now|at the moment|currently|as of today
        howru = how are you|how's it going|how are you doing|how have you been|what's up|how's your day|how are things|what's new|how's life
        covered = dental|vision|physical therapy|prescriptions|mental health|an ambulance|the chiropractor|maternity care
        period = hour|month|week|year|paycheck
        helped = the help|your help|the info|the quick answer|sorting that out|everything|your patience|being so helpful
        taxyear = for 2023|for 2024|for last year|~|from my old job|for this tax season
        daypart = day|night|evening|weekend|one
        ack = that's it|that's correct|go ahead|do it|sounds good|that works|exactly|you got it|please do|that's what i want
        account = checking account|savings account|checking|savings|joint account|business account|bank account|main account|student account|account
        card = credit card|visa|mastercard|amex|discover card|debit card|card|rewards card|chase card|travel card
        bill = electric bill|water bill|phone bill|internet bill|cable bill|gas bill|rent|insurance bill|credit card bill|utility bill|mortgage
        percent = 10 percent|20%|half|a quarter|30 percent|50%|75 percent|full|low|40 percent
        first = john|sarah|alex|maria|kevin|emily|david|priya|li wei|omar|jessica|carlos|hannah|tom|aisha|mike|nina|raj
        name = {first}|{first}|{first}|mom|dad|my sister|my brother|my landlord|my wife|my husband|my roommate|my boss
        city = paris|new york|tokyo|chicago|london|denver|rome|boston|seattle|mexico city|berlin|sydney|toronto|madrid|bangkok|lima|cairo|dallas|miami|vancouver|dublin|seoul
        country = japan|france|brazil|canada|italy|mexico|india|germany|spain|kenya|thailand|australia|peru|vietnam|egypt|iceland|morocco|south africa
        date = today|tomorrow|next monday|on friday|this weekend|next week|on march 3rd|on the 15th|tonight|on june 20th
        date = in two weeks|on saturday|next month|tomorrow morning|this afternoon|on christmas eve|next tuesday
        past = yesterday|last week|this month|since friday|in the last 30 days|last month|this year|over the weekend|recently|since january
        clock = 7 am|8:30|noon|6 pm|5:45 pm|10 o'clock|midnight|9:15 am|7:30 tonight|3 pm|half past six|quarter to nine
        duration = 5 minutes|ten minutes|an hour|30 seconds|45 minutes|2 hours|a minute and a half|20 min|90 seconds|three minutes|15 minutes
        airline = delta|united|american airlines|southwest|lufthansa|air france|jetblue|british airways|emirates|alaska airlines|ryanair|klm
        store = amazon|target|walmart|best buy|costco|ebay|home depot|etsy|ikea|the apple store
        food = lasagna|chicken curry|banana bread|pad thai|beef stew|pancakes|chocolate chip cookies|meatloaf|guacamole|fried rice
        food = lentil soup|tiramisu|roast chicken|apple pie|salmon|mac and cheese|chili|brownies|a turkey|risotto|quiche|hard boiled eggs
        ingredient = eggs|butter|milk|sour cream|buttermilk|brown sugar|heavy cream|flour|cornstarch|honey
        ingredient = baking soda|yogurt|olive oil|garlic|vanilla extract|breadcrumbs|white wine|parmesan
        cuisine = italian|thai|mexican|sushi|indian|chinese|greek|korean|vegan|french|ethiopian|seafood|pizza|burger|vietnamese|mediterranean
        restaurant = olive garden|the cheesecake factory|nobu|chez panisse|joe's pizza|the golden dragon|taco loco
        restaurant = bluebird cafe|mama rosa's|the oyster bar|red lobster|the noodle house|luigi's|spice route
        party = two|four|six|3 people|a party of 5|8 of us|me and my wife|two adults and a kid|ten people|a group of 12
        item = milk|eggs|bread|paper towels|apples|coffee|dish soap|toothpaste|bananas|cheese|rice|dog food|onions|trash bags|cereal|orange juice|chicken breasts|avocados
        task = call the plumber|pay rent|finish the report|walk the dog|clean the garage|renew my passport|buy a birthday gift|email the landlord
        task = pick up dry cleaning|book a dentist visit|return the library books|take out the trash|fix the leaky faucet|send the invoice
        event = dentist appointment|team lunch|doctor's appointment|yoga class|parent teacher conference|book club
        event = haircut|dinner with {first}|soccer practice|job interview|vet appointment|birthday party
        artist = taylor swift|the beatles|drake|beyonce|miles davis|coldplay|bts|adele|queen|kendrick lamar|bob marley|daft punk|billie eilish|johnny cash
        genre = jazz|rock|classical music|hip hop|country|lo-fi beats|80s pop|reggae|some blues|metal|indie folk|salsa
        playlist = my workout playlist|the road trip mix|chill vibes|discover weekly|the party playlist|my favorites|sunday morning|focus music
        product = a phone charger|running shoes|a coffee maker|printer ink|a yoga mat|dog food|a laptop bag
        product = batteries|headphones|a desk lamp|light bulbs|a water filter|vitamins|a birthday card
        room = living room|kitchen|bedroom|bathroom|office|basement|hallway|dining room|kids' room|guest room|den|nursery|porch
        degrees = 68 degrees|72|70 degrees|65|74 degrees fahrenheit|21 celsius|seventy|67 degrees|75|19 degrees celsius
        car = car|truck|honda|suv|toyota|minivan|jeep|ford|vehicle|prius|tesla|civic|subaru
        place = the airport|downtown|the nearest gas station|the mall|work|the train station|central park
        place = the hospital|my office|the stadium|home|the beach|the library|grandma's house|the zoo|union square
        highway = i-95|the freeway|route 66|the interstate|the highway|the 405|the bridge|main street
        language = spanish|french|german|japanese|italian|mandarin|portuguese|korean|russian|arabic|hindi|dutch|greek|swahili
        phrase = good morning|where is the bathroom|thank you very much|how much does this cost|i love you|nice to meet you
        phrase = cheers|excuse me|the check please|where is the train station|i'm allergic to nuts|happy birthday
        word = necessary|rhythm|bureaucracy|occasionally|conscientious|onomatopoeia|accommodate|mischievous
        word = entrepreneur|pharaoh|quarantine|serendipity|ubiquitous|ephemeral|facetious|liaison
        unit = miles|kilometers|pounds|kilograms|ounces|cups|inches|centimeters|liters|gallons|feet|meters|tablespoons|teaspoons|grams|yards
        math = {num} times {big}|the square root of {big}|{big} plus {big}|15 percent of {big}|{big} divided by {num}|{big} minus {big}|{num} squared|a 20 percent tip on {amount}
        message = i'm running late|dinner is ready|call me back|i'll be home at 6|see you soon|happy birthday|i'm outside|don't forget the milk|the meeting moved|i love you
        manager = my manager|my boss|hr|my supervisor|the team lead|payroll
        currency = dollars|euros|yen|pesos|pounds|rupees|yuan|canadian dollars|swiss francs|won
        hobby = knitting|rock climbing|chess|birdwatching|pottery|surfing|woodworking|painting|photography|skateboarding|origami|fly fishing|salsa dancing|calligraphy|archery|beekeeping
        trivia = who painted the mona lisa|who wrote hamlet|who invented the telephone|who discovered penicillin|when the pyramids were built
        trivia = how deep the ocean is|how old the universe is|how many hearts an octopus has|how many bones are in the human body|how many keys a piano has
        trivia = who walked on the moon first|why the sky is blue|why cats purr|how bees make honey|what the largest desert is|who composed the four seasons
        abstract = happiness|free will|consciousness|justice|beauty|time|love|morality|truth|friendship|death|art|success|nothingness
        philo_claim = humans are naturally good|we live in a simulation|animals have souls
        philo_claim = the universe is infinite|math is invented|there is life after death|fate is real|money can buy happiness
        philosopher = plato|nietzsche|kant|confucius|socrates|aristotle|simone de beauvoir|descartes|camus
        garden_verb = prune|repot|fertilize|plant|divide|mulch|propagate|deadhead
        plant = tomatoes|roses|basil|orchid|fiddle leaf fig|succulents|hydrangeas|lavender|peppers|tulip bulbs|lemon tree|ferns|monstera|strawberries
        leaf_color = yellow|brown|white|black|pale|spotty|crispy
        garden_pest = aphids|slugs|deer|squirrels|rabbits|spider mites|snails|japanese beetles
        form = poem|short story|song|limerick|haiku|fairy tale|screenplay|sonnet
        creature = dragon|unicorn|wizard|talking cat|mermaid|time traveler|robot pirate|ghost|goblin king|phoenix|vampire|friendly giant
        magic = make me invisible|turn lead into gold|stop time|make it snow indoors|read minds|grow wings|talk to animals
        fictional_place = hogwarts|narnia|middle earth|atlantis|the death star|wakanda|the land of oz|gotham city|the shire
        character = sherlock holmes|gandalf|a pirate captain|yoda|darth vader|batman|a medieval knight|a space cowboy
        fic_action = give me advice|solve a mystery|describe your day|tell me your secrets|plan a heist|narrate my morning
        animal = cats|dolphins|elephants|owls|bees|penguins|octopuses|wolves|giraffes|bats|flamingos|sloths
        animal_act = purr|sleep so much|migrate|sing|hibernate|howl|live in groups|stand on one leg|change color
        planet = mars|jupiter|the moon|saturn|venus|pluto|the sun|neptune|the andromeda galaxy|a black hole
        sport_event = world cup|super bowl|tour de france|wimbledon final|world series|stanley cup|nba finals|cricket world cup
        year = 1986|1994|2002|2010|2014|1999|2008|2018|1975|1966
        sport = cricket|rugby|curling|water polo|lacrosse|hockey|soccer|volleyball|handball|polo|fencing
        empire = the roman empire|the ottoman empire|the aztec empire|the byzantine empire|the mongol empire|the british empire
        historic = cleopatra|genghis khan|joan of arc|napoleon|ada lovelace|nikola tesla|frida kahlo|marie curie|leonardo da vinci
        war = the first world war|the cold war|the french revolution|the war of 1812|the fall of the berlin wall|the hundred years war
        craft_task = knit a scarf|tune a guitar|draw a realistic face|throw a pot on a wheel|solve a rubik's cube|do a kickflip
        craft_task = juggle three balls|fold an origami crane|whistle with my fingers|build a birdhouse|carve a pumpkin|write a sonnet
        pet_kind = goldfish|new puppy|hamster|parrot|pet snake|kitten|bearded dragon|rabbit|tortoise
        life_choice = learn the violin or the piano|dye my hair blue|get a tattoo|move to the countryside|adopt a second cat|quit social media|grow a beard|take up running
        advice_topic = writing a wedding speech|making friends in a new city|dealing with a noisy neighbor
        advice_topic = asking someone on a date|training for a marathon|meditating|learning to swim|getting over a breakup
        opinion_topic = pineapple on pizza|modern art|reality tv|electric guitars|crossword puzzles|abstract poetry|daylight saving time|cats versus dogs
        media = movie|novel|board game|video game|podcast|tv series|anime|comic book
        media_title = the lord of the rings|breaking bad|inception|the witcher|catan|dune|stardew valley|pride and prejudice|the office|spirited away
        myth = goldfish have a three second memory|lightning never strikes twice|we only use ten percent of our brains|bulls hate the color red
        myth = the great wall is visible from space|bats are blind|cracking knuckles causes arthritis|camels store water in their humps
        """;

    // "name = verbs / nouns / extras" ({v}, {n}, {x}), then indented lines of templates separated by ";".
    private const string IntentTable = """
        # banking
        transfer = transfer|move|send|wire|shift / money|funds|cash|a payment
            {can_you} {v} {amount} from my {account} to my {account} {end}; {want_to} {v} {amount} to {name}; {v} {n} from {account} to {account} {date}
            {how_do_i} {v} {n} between my accounts; {can_you} {v} {amount} into {name}'s {account}; i need {amount} moved from {account} to {account} {date}
        balance = check|see|look up|get|find out / balance|available funds|money|cash
            {can_you} {v} the {n} in my {account}; how much {n} is in my {account} {now}; {want_to} {v} my {account} balance; {what_is} the balance on my {account} {now}
            do i have enough {n} in {account} to cover {amount}; {what_is} my current {account} balance
        transactions = show|list|pull up|review|see / transactions|purchases|charges|payments|activity
            {can_you} {v} the recent {n} on my {account}; {want_to} {v} my last {num} {n}; what {n} went through my {account} {past}; {v} all {n} on my {account} {past}
            did my {n} at {store} go through on my {account}; {v} {n} over {amount} {past}
        freeze_account = freeze|lock|block|suspend|put a hold on / account|accounts|bank account|cards
            {can_you} {v} my {account} {end}; {want_to} {v} my {n} because i think it was hacked; someone stole my wallet so {v} my {n} {end}
            {how_do_i} {v} my {account} temporarily; please {v} all my {n} until {date}; i need to {v} my {account} {now}
        pay_bill = pay|settle|take care of|cover|pay off / bill|invoice|payment
            {can_you} {v} my {bill} {date}; {want_to} {v} the {bill} from my {account}; {v} {amount} toward my {bill}; {how_do_i} {v} my {bill} online
            use my {account} to {v} the {bill} {end}; schedule a {n} of {amount} for the {bill} {date}
        bill_due = due|owed|payable / due date|deadline|payment date
            when is my {bill} {v}; {what_is} the {n} for my {bill}; how many days until my {bill} is {v}; is my {bill} {v} {date}; {can_you} remind me of the {bill} {n}
            {tell_me} when the {bill} is {v}
        bill_balance = owe|still owe|have to pay / balance|amount|total
            how much do i {v} on my {bill} {now}; {what_is} the remaining {n} on my {bill}; {tell_me} the {n} i {v} for the {bill}
            what {n} is left on the {bill} this month; do i {v} anything on my {bill} {now}
        interest_rate = earn|get|make / interest rate|interest|apy|rate
            {what_is} the {n} on my {account}; how much {n} do i {v} on my {account}; what {n} does the bank offer on a {account}; is the {n} on my {account} going up
            {tell_me} the current {n} for {account}; how much will i {v} in {n} on {amount}
        routing_number = find|look up|get|locate / routing number|aba number|routing code|bank routing number
            {what_is} my {n}; where can i {v} the {n} for my {account}; i need the {n} for a direct deposit form; {can_you} {v} my bank's {n}
            which {n} should i give {name}; {tell_me} the {n} for my {account}
        min_payment = pay|make|send / minimum payment|minimum due|minimum amount
            {what_is} the {n} on my {card}; what's the least i can {v} on my {bill}; {tell_me} the {n} for my {card} this month; how low can my payment be on my {card}
            do i have to {v} more than the {n} on my {bill}; can i just {v} the {n} {date}
        order_checks = order|get|request|buy / checks|checkbook|check book|paper checks
            {can_you} {v} more {n} for my {account}; {want_to} {v} a new {n}; i ran out of {n}, {v} some more {end}; {how_do_i} {v} {n} from the bank
            send me a box of {n} for my {account}; i need new {n} for my {account} {date}
        pin_change = change|reset|update|replace / pin|pin number|pin code
            {can_you} {v} the {n} on my {card}; {want_to} {v} my {n}; i forgot my {n}, {how_do_i} {v} it; {v} my {card} {n} {end}; {how_do_i} {v} the {n} for my {account}
            i need a new {n} for my {card}
        report_fraud = report|flag|dispute / fraud|a fraudulent charge|an unauthorized transaction|a suspicious charge
            {want_to} {v} {n} on my {card}; there's {n} of {amount} on my {account}; i didn't buy anything at {store}, please {v} it; {how_do_i} {v} {n}
            someone used my {card} without permission {past}; {can_you} {v} {n} from {past}
        spending_history = spend|blow|drop / spending|expenses|spending history / groceries|restaurants|gas|entertainment|clothes|travel|coffee|online shopping|subscriptions
            how much did i {v} on {x} {past}; {what_is} my {n} on {x} {past}; {can_you} break down my {n} {past}; show my {n} for {x}; what have i spent on {x} this year
            am i spending too much on {x}
        account_blocked = blocked|locked|frozen|restricted|suspended / account|access|online banking
            why is my {account} {v}; my {account} says it's {v}; i can't get into my {account}, is it {v}; {how_do_i} unblock my {account}; why was my {n} {v} {past}
            is there a hold on my {account} {now}
        # credit cards
        credit_score = check|know|see|find out / credit score|fico score|credit rating
            {what_is} my {n} {now}; {can_you} {v} my current {n}; {want_to} {v} my {n} before applying for a loan; how good is my {n} {now}; has my {n} changed {past}
            i'd like to {v} my {n} {date}
        credit_limit = / credit limit|spending limit|credit line|limit
            {what_is} the {n} on my {card}; how much can i charge on my {card} {now}; {tell_me} my {n} for the {card}; what's the max i can spend on my {card}
            how high is the {n} on my {card}
        credit_limit_change = raise|increase|bump up|lower|change / credit limit|spending limit|credit line
            {can_you} {v} my {n} on my {card}; {want_to} {v} the {n} to {amount}; {how_do_i} request a higher {n} on my {card}; am i eligible to {v} my {n}
            {v} the {n} on the {card} {end}; i need a bigger {n} on my {card}
        card_declined = declined|rejected|denied|refused / card|payment|purchase
            why was my {card} {v}; my {card} got {v} at {store}; why did my {n} get {v} {past}; i tried to pay {amount} and my {card} was {v}
            the cashier said my {card} was {v}; why does my {card} keep getting {v}
        damaged_card = damaged|broken|cracked|bent|scratched / card|chip|magnetic strip
            my {card} is {v}; the {n} on my {card} is {v} and won't work; what do i do about a {v} {card}; {how_do_i} replace a {v} {card}
            my dog chewed my {card} and now the {n} is {v}; the {n} on my {card} got {v} {past}
        replacement_card_duration = arrive|come|get here|show up / replacement card|new card|replacement
            how long will my {n} take to {v}; when will the {n} for my {card} {v}; how many days for a {n} to {v}; {what_is} the wait time for a {n} for my {card}
            will my {n} {v} by {date}; when should i expect my {n} for the {card}
        new_card = apply for|open|get|sign up for / credit card|new card|card
            {want_to} {v} a new {card}; {how_do_i} {v} a {n} with you; {can_you} help me {v} a {card}; i'm interested in a {n} with travel rewards
            which {card} should i {v}; can i {v} another {n} {date}
        apr = / apr|annual percentage rate|interest charge|purchase apr
            {what_is} the {n} on my {card}; how much {n} will i pay on my {card}; {tell_me} my {card}'s {n}; is the {n} on my {card} fixed or variable
            what {n} do you charge on the {card}
        rewards_balance = / points|rewards|miles|cash back|reward points
            how many {n} do i have on my {card}; {what_is} my {n} balance {now}; {can_you} check my {card} {n}; {tell_me} how many {n} i've earned on my {card}
            how much {n} have i earned {past}; do i have enough {n} on my {card} for a flight
        redeem_rewards = redeem|use|cash in|trade in / points|rewards|miles|cash back
            {how_do_i} {v} my {card} {n}; {want_to} {v} my {n} for a flight to {city}; {can_you} {v} my {n} as a statement credit; what can i get if i {v} my {n}
            {v} {big} {n} for a gift card; {v} my {card} {n} at {store}
        report_lost_card = lost|misplaced|dropped|left / card|wallet
            i {v} my {card} {past}; {want_to} report a {v} {card}; i think i {v} my {card} at {place}; i {v} my wallet with my {card} in it
            i can't find my {card} anywhere; {how_do_i} report that i {v} my {card}
        international_fees = / foreign transaction fee|international fee|overseas fee|currency conversion fee
            will i be charged a {n} if i use my {card} in {country}; does my {card} have a {n}; {what_is} the {n} on my {card}
            are there extra fees for using my {card} in {country}; how much is the {n} for purchases in {city}
        application_status = check|track|follow up on / application|credit card application|card application
            {what_is} the status of my {n}; has my {n} been approved yet; {want_to} {v} my {n} for the {card}; did you get my {n} for the {card}
            any update on the {n} i sent {past}; {can_you} {v} my {n} {end}
        improve_credit_score = improve|raise|boost|build|fix / credit score|credit|fico score
            {how_do_i} {v} my {n}; what can i do to {v} my {n} {date}; tips to {v} my {n} fast; {can_you} help me {v} my {n} before {date}
            will paying my {bill} on time {v} my {n}; best way to {v} bad {n}
        # kitchen
        recipe = make|cook|prepare|bake / recipe|instructions|steps
            {how_do_i} {v} {food}; {can_you} find a {n} for {food}; {what_is} a good {n} for {food}; give me {n} to {v} {food}
            {want_to} {v} {food} {date}, what's the {n}; show me a {cuisine} {n} for {food}
        cook_time = cook|bake|roast|grill|boil / minutes|time
            how long do i {v} {food}; how many {n} should {food} {v} for; {what_is} the cooking {n} for {food}; how long does {food} take to {v} at {big} degrees
            how long should i {v} {food} in the oven; how much {n} does {food} need to {v}
        ingredient_substitution = substitute|replace|swap|use / substitute|replacement|swap
            what can i {v} for {ingredient}; can i use {ingredient} instead of {ingredient}; {what_is} a good {n} for {ingredient} in {food}
            i'm out of {ingredient}, what can i {v} instead; is {ingredient} an ok {n} for {ingredient}; what's a vegan {n} for {ingredient}
        calories = / calories|kcal|calorie count
            how many {n} are in {food}; {what_is} the {n} of a slice of {food}; {tell_me} how many {n} {food} has; is {food} high in {n}; {n} in a serving of {food}
            how many {n} does {ingredient} have
        nutrition_info = / protein|fiber|sugar|vitamins|carbs|fat|sodium
            how much {n} is in {food}; {what_is} the nutrition info for {food}; does {food} have a lot of {n}; {tell_me} the nutrition facts for {ingredient}
            is {food} healthy; how much {n} does {ingredient} have
        food_last = last|keep|stay good|be safe to eat / fridge|freezer|pantry
            how long will {food} {v} in the {n}; how long does {ingredient} {v} once opened; is {food} from {past} still good; can i keep {food} in the {n} for a week
            how many days do leftovers {v} in the {n}; will {ingredient} {v} in the {n}
        meal_suggestion = eat|make|have|cook / dinner|lunch|breakfast|a meal
            what should i {v} for {n} {date}; {can_you} suggest a {cuisine} {n}; give me an idea for {n} {date}; i don't know what to {v} for {n}
            suggest a quick {n} with {ingredient}; what's a healthy {n} i could {v}
        restaurant_reservation = book|reserve|get|make / table|reservation|spot
            {can_you} {v} a {n} at {restaurant} for {party}; {want_to} {v} a {n} for {party} at {clock}; {v} me a {n} at {restaurant} {date}
            i need a {n} at a {cuisine} place {date} at {clock}; is there a {n} open at {restaurant} for {party} {date}
        restaurant_reviews = / reviews|ratings|rating|stars
            what are the {n} for {restaurant}; how do people rate {restaurant}; is {restaurant} in {city} any good; {tell_me} the {n} of {restaurant}
            does {restaurant} have good {n}; what do critics say about {restaurant}
        restaurant_suggestion = recommend|suggest|find / restaurant|place to eat|spot
            {can_you} {v} a {cuisine} {n} in {city}; where's a good {cuisine} {n} near me; {v} a {cuisine} {n} for {date}; what's the best {cuisine} {n} around here
            i'm craving {cuisine}, any {n} you'd {v}
        confirm_reservation = confirm|verify|double check / reservation|booking|table
            {can_you} {v} my {n} at {restaurant}; is my {n} for {party} still on {date}; {want_to} {v} the {n} {date} at {clock}; did my {n} at {restaurant} go through
            {v} that i have a {n} {date}
        cancel_reservation = cancel|call off|drop / reservation|booking|table
            {can_you} {v} my {n} at {restaurant}; {want_to} {v} the {n} for {date}; we can't make it, {v} our {n} at {restaurant}
            please {v} the {n} for {party} at {clock}; {how_do_i} {v} a dinner {n}
        accept_reservations = take|accept|do / reservations|bookings
            does {restaurant} {v} {n}; can i make {n} at {restaurant}; do i need a reservation at {restaurant} {date}; is {restaurant} walk in only
            will {restaurant} {v} {n} for {party}
        order_takeout = order|get|have delivered / takeout|delivery|food
            {can_you} {v} {cuisine} {n} from {restaurant}; {want_to} {v} {food} for {n}; {v} me some {food} from {restaurant}; place a {n} order for {food}
            i'm hungry, {v} {cuisine} {n} to my house
        # home
        shopping_list = read|show|check / shopping list|grocery list|list|groceries list|market list
            {what_is} on my {n} {now}; {can_you} {v} my {n}; {lead} do i have {item} on my {n}; what do i need to buy according to my {n}
            {lead} is {item} already on the {n}
        shopping_list_update = add|put|include|stick / shopping list|grocery list|list
            {v} {item} on my {n}; {can_you} {v} {item} on the {n}; take {item} off my {n}; remove {item} from the {n}; we're out of {item}, {v} it on the {n}
            {v} {item} and {item} on my {n}
        todo_list = / to do list|todo list|tasks|task list|list of chores
            {what_is} on my {n} {date}; {can_you} read my {n} for {date}; what's left on my {n} {date}; is {task} on my {n}; show me my {n}
            how many things are on my {n} {date}
        todo_list_update = add|put|write / to do list|todo list|task list
            {v} {task} on my {n}; {can_you} {v} {task} on the {n}; cross {task} off my {n}; remove {task} from my {n}; mark {task} as done on my {n}
            {want_to} {v} {task} on my {n} for {date}
        order = order|buy|purchase|get
            {can_you} {v} {product} from {store}; {want_to} {v} {product} online; {v} me {product} on {store}; place an order for {product} {end}
            i need {product}, {v} it from {store}; reorder {product} from {store}
        order_status = track|check on|find / order|package|delivery|shipment
            where is my {n} from {store}; {can_you} {v} my {n} of {product}; has my {n} with {product} shipped yet; when will my {store} {n} arrive
            {what_is} the status of my {n} {now}; {want_to} {v} my {store} {n}
        reminder = / reminders|reminder list|alerts
            {what_is} on my {n}; what {n} do i have {date}; {tell_me} my {n} for {date}; did i set any {n} for {date}; read me my {n}; do i have any {n} {now}
        reminder_update = remind me|set a reminder|create a reminder
            {v} to {task} {date}; {can_you} {v} to {task} at {clock}; {want_to} be reminded to {task} {date}; don't let me forget to {task} {date}
            {v} {date} at {clock} to {task}
        calendar = / calendar|schedule|agenda|day
            {what_is} on my {n} {date}; do i have anything on my {n} {date}; what does my {n} look like {date}; am i free {date} at {clock}; when is my {event}
            is my {n} clear {date}
        calendar_update = add|put|schedule|book / calendar|schedule
            {v} my {event} {date} at {clock} on my {n}; {can_you} {v} a {event} on my {n} for {date}; move my {event} to {date}; cancel my {event} {date}
            {v} {event} on the {n} at {clock}; reschedule the {event} to {date} at {clock}
        play_music = play|put on|start|blast|throw on / music|songs|tunes|tracks
            {can_you} {v} some {genre}; {v} {artist} {end}; {want_to} hear some {artist}; {v} {playlist}; {v} some {n} by {artist}
            i'm in the mood for {genre}, {v} some {n}
        next_song = skip|change|switch / song|track|tune
            {v} this {n} {end}; {can_you} play the next {n}; i don't like this {n}, {v} it; go to the next {n} {end}; skip to the next {n} on {playlist}
            {lead} {can_you} {v} this {n}; play something else {bot}; next {n} {end}
        what_song = / song|track|tune|music|melody|piece
            {lead} what {n} is this; {can_you} tell me what {n} is playing {now}; {lead} who sings this {n}; what's the name of this {n} {bot}; identify this {n} for me
            who is the artist of this {n}; {lead} what {n} is playing {now}
        update_playlist = add|put|save|stick / playlist|favorites|library
            {v} this song to {playlist}; {can_you} {v} {artist} to {playlist}; remove this track from {playlist}; {v} this track in my {n}; {want_to} {v} this to my {n}
        # home automation
        lights_on = turn on|switch on|put on|flip on / lights|lamp|light
            {v} the {n} in the {room}; {can_you} {v} the {room} {n}; {n} on in the {room} {end}; it's dark in the {room}, {v} the {n}; {want_to} {v} the {n} in the {room}
            {v} every {n} in the house
        lights_off = turn off|switch off|shut off|kill / lights|lamp|light
            {v} the {n} in the {room}; {can_you} {v} all the {n}; {n} off in the {room} {end}; i'm going to bed, {v} the {n}; {v} the {room} {n} {end}
            no more {n} in the {room}
        lights_dim = dim|lower|brighten|turn down|turn up / lights|brightness|lamp
            {v} the {n} in the {room}; set the {room} {n} to {percent}; {can_you} {v} the {n} a bit; the {n} are too bright in the {room}; {v} the {room} {n} to {percent}
            make the {room} {n} softer
        lights_color = change|set|switch|turn / color|colour|hue / red|blue|warm white|green|purple|orange|pink|cool white|yellow|daylight
            {v} the lights in the {room} to {x}; {can_you} {v} the {room} light {n} to {x}; {want_to} {v} the lamp {x}; make the {room} lights {x}
            set the light {n} to {x}; i want {x} lights in the {room}
        thermostat_set = set|change|adjust|raise|lower|bump / thermostat|heat|temperature|ac|air conditioning
            {v} the {n} to {degrees}; {can_you} {v} the {n} in the {room} to {degrees}; it's freezing, {v} the {n}; make it {degrees} in here
            {want_to} {v} the {n} to {degrees} {date}; {v} the {n} a couple of degrees
        thermostat_query = / temperature|thermostat|heat setting|indoor temperature
            {what_is} the {n} inside; what's the {n} set to {now}; how warm is it in the {room}; is the heat on in the {room}; {tell_me} the current {n} in the house
            what is the {n} in the {room} {now}
        lock_door = lock|bolt|secure / door|front door|back door|doors|side door
            {v} the {n}; {can_you} {v} the {n} {end}; did i {v} the {n}, {v} it now; make sure the {n} is locked; {v} all the {n} for the night
            {want_to} {v} the {n} remotely
        unlock_door = unlock|open|unbolt / door|front door|back door|side door
            {v} the {n}; {can_you} {v} the {n} for {name}; {name} is here, {v} the {n}; {want_to} {v} the {n} remotely; let {name} in through the {n}
            {v} the {n} at {clock}
        garage_door = open|close|shut|raise / garage|garage door
            {v} the {n}; {can_you} {v} the {n} {end}; is the {n} open {now}; did i leave the {n} open; {v} the {n} when i pull in; {v} the {n} for {name}
        vacuum_start = start|run|turn on|launch / vacuum|roomba|robot vacuum
            {v} the {n}; {can_you} {v} the {n} in the {room}; vacuum the {room} {end}; send the {n} to clean the {room}; {v} the {n} at {clock}
            the {room} is dusty, {v} the {n}
        security_camera = show|check|pull up|open / camera|security camera|doorbell camera|camera feed
            {v} the {n}; {can_you} {v} the front {n}; who is at the door, {v} the {n}; let me see the {n} in the {room}; did the {n} catch anything {past}
            {v} the {n} on the porch
        sprinkler = turn on|run|start|stop / sprinklers|sprinkler|irrigation
            {v} the {n}; {can_you} {v} the {n} for {duration}; water the lawn with the {n} at {clock}; {v} the {n} in the backyard; skip the {n} {date} because of rain
            {v} the front yard {n}
        tv_control = turn on|turn off|pause|mute / tv|television
            {v} the {n}; {can_you} {v} the {n} in the {room}; put the {n} on channel {big}; {v} the show on the {n}; switch the {n} to netflix; {v} the {room} {n} {end}
        blinds = open|close|raise|lower / blinds|shades|curtains
            {v} the {n}; {can_you} {v} the {n} in the {room}; {v} the {room} {n} halfway; it's too sunny, {v} the {n}; {v} all the {n} at {clock}; {want_to} {v} the {n}
        # travel
        book_flight = book|reserve|get|find / flight|plane ticket|ticket|airfare
            {can_you} {v} a {n} from {city} to {city}; {want_to} {v} a {n} to {city} {date}; {v} me a {n} to {city} on {airline}; i need a one way {n} to {city} {date}
            find the cheapest {n} from {city} to {city}; {v} a round trip {n} to {country}
        flight_status = delayed|on time|late|cancelled|boarding / status|departure time|gate
            is my {airline} flight {v}; {what_is} the {n} of flight {big}; is {airline} flight {big} {v}; when does my flight to {city} leave
            has my flight from {city} been delayed; {what_is} the {n} for my {airline} flight to {city}
        cancel_flight = cancel|call off|drop / flight|ticket|booking
            {can_you} {v} my {n} to {city}; {want_to} {v} my {airline} {n}; {how_do_i} {v} a {n} and get a refund; please {v} my {n} {date}
            i'm not going to {city} anymore, {v} the {n}
        lost_luggage = lost|missing|misplaced / luggage|bag|suitcase|baggage
            {airline} {v} my {n}; my {n} went missing after my flight from {city}; i can't find my {n} at baggage claim; {how_do_i} report {v} {n}
            my {n} didn't arrive on flight {big}; {airline} says my {n} is {v}
        carry_on = bring|take|pack / carry on|bag|laptop|liquids|backpack
            can i {v} my {n} on a {airline} flight; what's the carry on size limit for {airline}; how many bags can i {v} on the plane
            am i allowed to {v} {n} in my carry on; {what_is} the {airline} carry on policy; can i {v} a {n} through security
        book_hotel = book|reserve|get|find / hotel|room|place to stay|hotel room
            {can_you} {v} a {n} in {city} {date}; {want_to} {v} a {n} near {place}; {v} me a {n} for {num} nights in {city}; i need a {n} in {city} for {party}
            find a cheap {n} in {city}
        car_rental = rent|book|reserve|get / rental car|rental|car|rental vehicle
            {can_you} {v} a {n} in {city} {date}; {want_to} {v} a {car} at {place}; i need a {n} when i land in {city}; {v} me a {n} for {num} days
            how much is a {n} in {city}
        travel_suggestion = visit|see|do / things to do|attractions|sights|places to go
            what are the best {n} in {city}; what should i {v} in {city}; {can_you} suggest {n} in {country}; where should i go on vacation in {country}
            any {n} worth seeing in {city}
        travel_alert = / travel alert|travel advisory|safety warning|travel warning
            is there a {n} for {country}; is it safe to travel to {country} {now}; {what_is} the current {n} for {city}; any {n} for {country} {now}
            should i worry about traveling to {country}
        travel_notification = tell|notify|inform|alert / bank|card company|credit card company
            {v} my {n} that i'm traveling to {country}; {can_you} {v} my {n} about my trip to {country}; i'm going to {country} {date}, {v} my {n}
            {how_do_i} set a travel notice on my {card}; {v} the {n} i'll be in {city} {date}
        plug_type = / plug|adapter|outlet|power converter
            what {n} do i need in {country}; {what_is} the {n} type in {country}; do i need a power {n} for {country}; will my charger work in {country}
            which {n} works in {city}
        exchange_rate = / exchange rate|conversion rate|rate
            {what_is} the {n} from {currency} to {currency}; how many {currency} is {amount} worth; {tell_me} the {n} for {currency}; convert {amount} to {currency}
            what's the {currency} to {currency} {n} {date}
        international_visa = / visa|entry visa|travel visa|tourist visa
            do i need a {n} to visit {country}; {how_do_i} get a {n} for {country}; what {n} is required for {country}; can i travel to {country} without a {n}
            how long does a {n} for {country} take
        vaccines = / vaccine|vaccination|shot|booster
            what {n} do i need for {country}; do i need any {n} before going to {country}; {what_is} the required {n} for {country}
            should i get a {n} before my trip to {city}; which {n} is recommended for travel to {country}
        timezone = / time zone|timezone
            {what_is} the {n} in {city}; what {n} is {city} in; is {city} in the same {n} as {city}; how many hours ahead is {city}; {tell_me} the {n} for {country}
        # auto
        gas = / gas|fuel|petrol|gasoline
            how much {n} is left in my {car}; {lead} do i need {n} {now}; {what_is} my {n} level; is my {car} low on {n}; how many miles until i run out of {n}
            how full is my {car}'s {n} tank; {lead} should i stop for {n} {date}; how much {n} do i have in my {car}
        gas_type = / gas|fuel|octane
            what kind of {n} does my {car} take; {what_is} the right {n} for a {car}; should i put premium {n} in my {car}; does my {car} need diesel
            which {n} grade is best for my {car}
        mpg = / mpg|gas mileage|miles per gallon|fuel economy
            {what_is} the {n} of my {car}; how many {n} does my {car} get; what's my {car}'s {n}; is the {n} on a {car} good; {tell_me} my average {n}
        oil_change_when = / oil change|oil service|lube service
            {lead} when do i need an {n} for my {car}; when is my next {n} due {now}; is it time to change my {car}'s oil; how often should i change the oil in my {car}
            how many miles until my next {n}; when should my {car} get its next {n}; is my {car} due for an {n}
        oil_change_how = change|replace|drain / oil|motor oil|engine oil
            {how_do_i} {v} the {n} in my {car}; what are the steps to {v} my own {n}; {can_you} walk me through an oil change; what tools do i need to {v} the {n}
            teach me to {v} {n} on a {car}
        tire_pressure = / tire pressure|psi|air pressure
            {what_is} my {n}; are my tires low on air; {what_is} the {n} on my {car}; do my tires need air; what {n} should my {car} tires be at
        tire_change = change|replace|put on|swap / tire|flat|spare|flat tire
            {how_do_i} {v} a {n}; {lead} i got a flat, {how_do_i} fix it; when should i {v} my {car}'s tires; {can_you} tell me how to {v} a {n}
            put the spare on my {car} {end}; {want_to} {v} the {n} on my {car}
        jump_start = jump start|jump|boost / battery|car battery
            {how_do_i} {v} my {car}; my {car} {n} is dead; {can_you} explain how to {v} a {car}; which cable goes where to {v} a {car}; my {car} won't start, i need a {v}
        schedule_maintenance = schedule|book|set up / maintenance|service appointment|tune up|inspection
            {can_you} {v} {n} for my {car}; {want_to} {v} a {n} {date}; {v} my {car} for a {n}; i need a {n} for my {car} at the dealership
            get my {car} in for a {n} {date}
        last_maintenance = / maintenance|service|tune up|inspection
            when was my last {n}; when did my {car} last get {n}; how long ago was my {car}'s {n}; {tell_me} the date of the last {n}; has my {car} had {n} {past}
        book_ride = get|call|book|order / uber|lyft|ride|taxi|cab
            {can_you} {v} me a {n} to {place}; i need a {n} to {place} at {clock}; {want_to} {v} a {n} for {party}; how much is a {n} to {place}
            {v} a {n} from {place} to {place}
        traffic = / traffic|congestion|gridlock
            how's the {n} on the way to {place}; is there {n} on {highway}; {what_is} the {n} like to {place} {now}; will {n} be bad at {clock}; any {n} on my commute
        directions = / directions|route|way
            {can_you} give me {n} to {place}; how do i get to {place}; {what_is} the fastest {n} to {place}; navigate to {place}
            show me the {n} to {place} avoiding highways
        distance = / distance|mileage
            how far is {place} from here; {what_is} the {n} to {place}; how many miles is it to {city}; how far is {city} from {city}
            how long of a drive is it to {place}
        # utility
        time = / time|current time|exact time|local time
            {lead} {what_is} the {n} {now}; {lead} what time is it {now}; do you know what time it is {bot}; {tell_me} the {n} please; is it {clock} yet
            how late is it {now}; {lead} what time do you have
        date = / date|day|date today
            {what_is} today's date; what day is it {now}; {what_is} the {n} {date}; what day of the week is {date}; what's the date {date}; is it the {num}th today
        timer = set|start|run / timer|countdown
            {v} a {n} for {duration}; {can_you} {v} a {duration} {n}; {n} for {duration} please; how much time is left on my {n}; count down {duration}
        alarm = set|make|create / alarm|wake up call|wake up alarm
            {v} an {n} for {clock}; wake me up at {clock} {date}; {can_you} {v} my {n} for {clock} {date}; change my {n} to {clock}; what alarms do i have set
        weather = / weather|forecast|temperature outside
            {what_is} the {n} in {city} {date}; will it rain in {city} {date}; do i need an umbrella {date}; {tell_me} the {n} for {date}
            how hot will it be in {city} {date}
        calculator = calculate|compute|figure out|work out
            {v} {math}; {what_is} {math}; {can_you} {v} {math} for me; what does {math} equal; how much is {math}
        measurement_conversion = convert|change|turn
            {v} {num} {unit} to {unit}; how many {unit} are in {num} {unit}; {what_is} {num} {unit} in {unit}; {can_you} {v} {unit} to {unit}; how many {unit} is a {unit}
        spelling = spell|write / spelling
            how do you {v} {word}; {can_you} {v} {word} for me; {what_is} the {n} of {word}; {v} out {word}; what's the correct {n} of {word}; how is {word} spelled
        definition = define|explain / meaning|definition
            {v} {word}; {what_is} the {n} of {word}; what does {word} mean; {can_you} {v} the word {word}; give me the {n} of {word}
        translate = translate|say
            {v} {phrase} in {language}; how do you say {phrase} in {language}; {can_you} translate {phrase} into {language}; what is {phrase} in {language}
            {language} for {phrase}
        find_phone = find|locate|track / phone|cellphone|iphone|mobile|android|cell|smartphone
            {can_you} {v} my {n}; i lost my {n}, help me {v} it; make my {n} ring {end}; {lead} where did i leave my {n}; {v} my {n} {end}
            {lead} i can't find my {n} anywhere; {want_to} {v} my {n}
        flip_coin = flip|toss|throw / coin|quarter|penny|nickel
            {v} a {n} {end}; {can_you} {v} a {n} for me; {lead} heads or tails {bot}; {v} a {n} to decide {end}; let's {v} a {n} {bot}; {lead} {can_you} {v} a {n}
            {lead} do a coin flip {end}
        text = text|message|send a text to
            {v} {name} that {message}; send a message to {name} saying {message}; {can_you} {v} {name} {message}; tell {name} by text {message}; {want_to} {v} {name}
        make_call = call|phone|ring|dial
            {v} {name}; {can_you} {v} {name} on speaker; {want_to} {v} {name}; place a call to {name}; {v} {name}'s cell
        # work
        pto_request = request|take|book|ask for / pto|vacation|time off|days off
            {want_to} {v} {n} {date}; {can_you} {v} {n} for me {date}; {v} {num} days of {n}; submit a {n} request for {date}; {how_do_i} {v} {n}
        pto_balance = / pto|vacation days|time off|leave|paid leave|personal days|vacation
            {lead} how much {n} do i have left; {what_is} my {n} balance {now}; how many days of {n} do i have {now}; {tell_me} my remaining {n}
            do i have enough {n} for a week off {date}; how many hours of {n} do i have; {lead} do i have any {n} left
        pto_used = used|taken|burned / pto|vacation|time off|sick days
            how many days of {n} have i {v}; how much {n} have i {v} this year; {tell_me} how much {n} i've {v}; {what_is} the total {n} i've {v} {past}
            have i {v} all my {n}
        pto_request_status = approved|accepted|denied|signed off|processed / pto|vacation|time off|leave|day off
            {lead} has my {n} request been {v}; {what_is} the status of my {n} request; did {manager} approve my {n}; is my {n} for {date} {v}
            any update on my {n} request {now}
        payday = paid|my paycheck|my salary / payday|paycheck|pay day|next check
            {lead} when do i get {v}; {lead} when is the next {n}; {what_is} the date of my next {n}; do i get {v} {date}; how many days until {n}; is {date} {n}
            will i get {v} before {date}
        income = make|earn|bring in|take home / salary|income|pay|wage|annual salary
            {lead} how much do i {v} a year; {what_is} my {n} {now}; {tell_me} my {n}; how much money do i {v} per {period}; what was my {n} {past}
            {lead} how much do i {v} before taxes; what's my {n} after taxes
        taxes = file|do|pay|submit / taxes|tax return|state taxes|federal taxes|tax paperwork
            {how_do_i} {v} my {n}; {lead} when are my {n} due; how much will i owe in {n} {taxyear}; {can_you} help me {v} my {n}; {lead} when will i get my tax refund
            {want_to} {v} my {n} {taxyear}
        w2 = get|download|find|access|print / w2|w-2|tax form|wage statement
            {how_do_i} {v} my {n}; where can i {v} my {n} {taxyear}; {can_you} send me my {n} {taxyear}; when will my {n} be ready; i need a copy of my {n} {taxyear}
            {want_to} {v} my {n}
        insurance = / insurance|health plan|benefits|coverage|health insurance|dental plan|medical plan
            {what_is} my {n}; {lead} what does my {n} cover; {tell_me} about my {n}; who is my {n} provider; does my {n} cover {covered}
            {lead} what {n} do i have through work; is {covered} included in my {n}
        insurance_change = change|switch|update|upgrade / insurance|health plan|coverage
            {want_to} {v} my {n}; {how_do_i} {v} my {n}; {can_you} {v} my {n} to a family plan; when can i {v} my {n}; add my spouse to my {n}
        rollover_401k = roll over|transfer|move / 401k|retirement account|401k plan
            {how_do_i} {v} my {n}; {want_to} {v} my old {n} into an ira; {can_you} help me {v} my {n} {end}; what happens to my {n} if i change jobs
            {v} my {n} from my last employer; {lead} can i {v} my {n} to a new employer's plan
        meeting_schedule = / meetings|meeting|calls
            what {n} do i have {date}; do i have a meeting with {name} {date}; {what_is} my meeting schedule {date}; when is my next meeting; am i in a meeting at {clock}
        schedule_meeting = schedule|set up|book|arrange / meeting|call|sync|one on one
            {v} a {n} with {name} {date}; {can_you} {v} a {n} at {clock}; {want_to} {v} a {n} with the team {date}; book a conference room for a {n} {date}
            find time for a {n} with {name}
        direct_deposit = set up|change|update|switch / direct deposit|paycheck deposit|deposit
            {how_do_i} {v} {n}; {want_to} {v} my {n} to my {account}; {can_you} {v} {n} for my paycheck; send my {n} to my {account}; where does my {n} go
        expense_report = submit|file|send in / expense report|expenses|reimbursement request
            {how_do_i} {v} an {n}; {want_to} {v} an {n} for {amount}; {can_you} help me {v} {n} for my trip to {city}; when will my {n} be paid
            add a {amount} receipt to my {n}
        # small talk
        greeting = hi|hello|hey|hey there|hi there|good morning|good afternoon|good evening|howdy|yo|hiya|greetings
            {v}; {v} {bot}; {v}, {howru}; {v} {bot}, {howru}; {howru}; {howru} {bot}
        goodbye = bye|goodbye|see you later|talk to you later|catch you later|bye bye|see ya|farewell|good night|take care
            {v}; ok {v} {bot}; {v} for now; i have to go, {v}; {lead} {v} {bot}; i'm leaving now, {v}; {v} and have a good {daypart}
        thank_you = thanks|thank you|thanks a lot|thank you so much|much appreciated|many thanks|cheers|thx
            {v}; {lead} {v} {bot}; {v} for {helped} {bot}; ok {v}; that was helpful, {v} {bot}; {v}, you've been great; {v} for your time
        how_old_are_you = / age|birthday|creation date
            {lead} how old are you {bot}; {lead} {what_is} your {n} {bot}; {lead} when were you born; how long have you existed {bot}; {lead} do you have a birthday
            {tell_me} your {n} {bot}; {lead} are you older than me; what year were you made
        what_is_your_name = / name|real name|full name|nickname
            {lead} {what_is} your {n} {bot}; {lead} what should i call you; {lead} do you have a {n}; who are you {bot}; {tell_me} your {n} {bot}
            {lead} what do people call you; what name do you go by {bot}
        who_made_you = made|built|created|programmed|designed|developed|invented|trained / bot|assistant|chatbot|app|program
            {lead} who {v} you {bot}; which company {v} you; {lead} who {v} this {n}; {tell_me} who {v} you; were you {v} by a person
            {lead} who was the team that {v} you
        are_you_a_bot = / bot|robot|computer|real person|human|machine|ai|chatbot|program
            {lead} are you a {n}; {lead} am i talking to a {n}; is this a {n} or a person {bot}; {lead} are you human; {tell_me} if you are a {n}
            {lead} am i chatting with a {n} or a person; be honest, are you a {n}
        tell_joke = tell|share|give / joke|funny story|pun|knock knock joke|dad joke|one liner
            {v} me a {n} {bot}; {can_you} {v} me a {n}; {lead} make me laugh {bot}; {lead} do you know a good {n}; i need a {n} {now}; {v} me your best {n}
            {lead} got a {n} for me {bot}
        what_can_i_ask_you = ask you|ask you about|talk to you about|get help with|do here / things|topics|questions|stuff
            {lead} what can i {v} {bot}; {lead} what {n} can you help with; what are you able to do {bot}; {lead} what {n} can i ask you about; how can you help me {bot}
            {lead} what kinds of {n} do you know about; what are your capabilities {bot}; list the {n} you can help me with
        what_are_your_hobbies = enjoy|like|love / free time|spare time|downtime|time off
            {lead} what are your hobbies {bot}; {lead} what do you do for fun {bot}; {lead} what do you do in your {n} {bot}; do you have any hobbies {bot}
            what do you {v} doing {bot}; {lead} how do you spend your {n}; got any hobbies {bot}
        user_name = / name|full name|first name|real name|own name
            {lead} what is my {n} {bot}; {lead} do you know my {n}; {lead} who am i; what do you call me {bot}; say my {n} {bot}; {tell_me} my {n}
            {lead} do you remember my {n}; what name do you have for me
        # meta
        repeat = repeat|say|go over|read back / that|what you said|the last part|your answer|the last sentence|the question
            {can_you} {v} {n}; {v} {n} {end}; {lead} what did you say; i didn't catch that, {v} it; say that one more time {bot}; {lead} {can_you} {v} {n}
            {v} {n} {bot}, i missed it
        yes = yes|yeah|yep|correct|that's right|sure|absolutely|affirmative|yup|of course|definitely
            {v}; {v}, {ack}; {v} please; {lead} {v} {bot}; {v}, go ahead; {ack}; {lead} {v}, {ack}
        no = no|nope|nah|that's wrong|not really|incorrect|negative|no way|not at all|no thanks|definitely not|absolutely not
            {v}; {lead} {v} {bot}; {v}, that's not it; {v}, that isn't what i meant; {v} i don't want that; {v}, wrong one; {v}, that's not right {bot}
        maybe = maybe|possibly|not sure|perhaps|i don't know|probably|might be|i'm not sure|could be|hard to say|i guess so|kind of
            {v}; {lead} {v} {bot}; {v}, let me think; {v}, i'll decide later; i guess {v}; {v}, it depends; {v} but i'm not certain
        cancel = cancel|stop|never mind|forget it|abort|scratch that|cancel that|nevermind|don't do that|stop that|undo that
            {v}; {lead} {v} {bot}; please {v}; {v}, i changed my mind; {v} the last request {bot}; {v} everything; {v}, i don't need it {now}
        change_speed = speak|talk|read|go / faster|slower|more slowly|quicker|a bit slower|more quickly
            {v} {n} {end}; {can_you} {v} {n}; {lead} change your speaking speed; you're talking too fast {bot}; {lead} {v} a little {n}; {want_to} change how fast you {v}
            slow down your speech {bot}
        change_volume = turn up|turn down|raise|lower / volume|voice|sound|speaker volume
            {v} the {n} {end}; {can_you} {v} your {n}; {lead} speak louder {bot}; you're too loud {bot}; set the {n} to {percent}; {v} your {n} {end}
            {lead} i can't hear you, {v} the {n}
        change_language = switch|change|set / language|speaking language|default language
            {can_you} speak {language}; {v} your {n} to {language}; {v} the {n} to {language} {end}; talk to me in {language}; i want you to use {language}
            {lead} do you speak {language}; {lead} please respond in {language}
        change_user_name = call me|refer to me as|address me as
            {v} {first}; {can_you} {v} {first} from now on; change my name to {first}; my name is {first}; from now on {v} {first}
        reset_settings = reset|restore|revert|clear / settings|preferences|defaults|configuration|options
            {v} to factory settings; {can_you} {v} all {n}; {v} your {n} to default {end}; {lead} go back to default {n}; wipe all my {n} {end}; {want_to} {v} my {n}
            {v} everything to the original {n}
        """;

    // Topics no intent covers: hobbies, trivia, philosophy, gardening, fiction, nature, sport, history, opinions.
    private const string OutOfScopeTable = """
        {how_do_i} get better at {hobby}; what gear do i need to start {hobby}; is {hobby} hard to learn as an adult
        {can_you} recommend a good book about {hobby}; how many hours a week should i practice {hobby}
        {tell_me} {trivia}; do you know {trivia}; i've always wondered {trivia}; {lead} i wonder {trivia}
        what is the meaning of {abstract}; do you think {philo_claim}; is {abstract} just an illusion
        what would {philosopher} say about {abstract}; why do people value {abstract}; can you prove {philo_claim}
        when should i {garden_verb} my {plant}; why are the leaves on my {plant} turning {leaf_color}; how much sun do {plant} need
        what's the best soil for {plant}; how do i keep {garden_pest} away from my {plant}; {can_you} help me {garden_verb} {plant}
        {can_you} write a {form} about a {creature}; {can_you} summon a {creature}; cast a spell to {magic}
        teleport me to {fictional_place}; how do i train a {creature}; pretend you are {character} and {fic_action}
        why do {animal} {animal_act}; how far away is {planet}; what is {planet} made of; how long do {animal} live
        who won the {sport_event} in {year}; what are the rules of {sport}; how many players are on a {sport} team
        why did {empire} fall; who was {historic}; what caused {war}; {tell_me} about {historic}
        {how_do_i} {craft_task}; teach me to {craft_task}; what's a good name for my {pet_kind}
        should i {life_choice}; {can_you} give me advice on {advice_topic}; what's your opinion on {opinion_topic}
        recommend a {media} like {media_title}; is it true that {myth}; {lead} i heard that {myth}, is that true
        """;
}
