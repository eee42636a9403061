package ner

// Small hand-written lists of common facts (country, city and first names,
// organisation words, nationalities). They are gazetteer features, not
// rules: the model learns how much to trust each list. They matter most
// for news far from CoNLL-2003's 1996 Reuters text (names such as "Hamas"
// or "Peskov" never occur there). Changing a list changes feature values,
// so the model must be retrained afterwards.

// handLOC: countries, regions and large or newsworthy cities.
var handLOC = []string{
	// countries and territories
	"Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Argentina", "Armenia", "Australia",
	"Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium",
	"Belize", "Benin", "Bhutan", "Bolivia", "Bosnia", "Bosnia and Herzegovina", "Botswana", "Brazil",
	"Brunei", "Bulgaria", "Burkina Faso", "Burundi", "Cambodia", "Cameroon", "Canada", "Cape Verde",
	"Central African Republic", "Chad", "Chile", "China", "Colombia", "Comoros", "Congo", "Costa Rica",
	"Croatia", "Cuba", "Cyprus", "Czech Republic", "Czechia", "Denmark", "Djibouti", "Dominica",
	"Dominican Republic", "East Timor", "Ecuador", "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea",
	"Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia", "Georgia",
	"Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau", "Guyana", "Haiti",
	"Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy",
	"Ivory Coast", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Kosovo", "Kuwait",
	"Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein",
	"Lithuania", "Luxembourg", "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta",
	"Mauritania", "Mauritius", "Mexico", "Moldova", "Monaco", "Mongolia", "Montenegro", "Morocco",
	"Mozambique", "Myanmar", "Burma", "Namibia", "Nauru", "Nepal", "Netherlands", "New Zealand",
	"Nicaragua", "Niger", "Nigeria", "North Korea", "North Macedonia", "Macedonia", "Norway", "Oman",
	"Pakistan", "Palau", "Palestine", "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines",
	"Poland", "Portugal", "Qatar", "Romania", "Russia", "Rwanda", "Samoa", "San Marino", "Saudi Arabia",
	"Senegal", "Serbia", "Seychelles", "Sierra Leone", "Singapore", "Slovakia", "Slovenia",
	"Solomon Islands", "Somalia", "South Africa", "South Korea", "South Sudan", "Spain", "Sri Lanka",
	"Sudan", "Suriname", "Sweden", "Switzerland", "Syria", "Taiwan", "Tajikistan", "Tanzania",
	"Thailand", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Turkey", "Turkmenistan", "Tuvalu",
	"Uganda", "Ukraine", "United Arab Emirates", "United Kingdom", "Britain", "Great Britain",
	"England", "Scotland", "Wales", "Northern Ireland", "United States", "America", "Uruguay",
	"Uzbekistan", "Vanuatu", "Vatican", "Venezuela", "Vietnam", "Yemen", "Zambia", "Zimbabwe",
	"Greenland", "Puerto Rico", "Hong Kong", "Macau", "Tibet", "Crimea", "Chechnya", "Kurdistan",
	// regions and geographic features often in the news
	"Gaza", "Gaza Strip", "West Bank", "Golan Heights", "Sinai", "Donbas", "Donbass", "Kashmir",
	"Darfur", "Balkans", "Caucasus", "Middle East", "Europe", "Asia", "Africa", "Latin America",
	"North America", "South America", "Scandinavia", "Siberia", "Mediterranean", "Black Sea",
	"Red Sea", "Persian Gulf", "Gulf", "Pacific", "Atlantic", "Arctic", "Antarctica", "Sahel",
	"Horn of Africa", "Central Asia", "Southeast Asia", "Korean Peninsula", "Strait of Hormuz",
	"Taiwan Strait", "South China Sea", "Baltic", "Levant", "Negev", "Galilee",
	// cities
	"Moscow", "St Petersburg", "Saint Petersburg", "Kyiv", "Kiev", "Kharkiv", "Odesa", "Odessa",
	"Mariupol", "Donetsk", "Luhansk", "Bakhmut", "Kherson", "Zaporizhzhia", "Minsk", "Warsaw",
	"Berlin", "Paris", "London", "Madrid", "Rome", "Milan", "Vienna", "Prague", "Budapest",
	"Bucharest", "Sofia", "Athens", "Istanbul", "Ankara", "Brussels", "Amsterdam", "The Hague",
	"Geneva", "Zurich", "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Dublin", "Lisbon",
	"Belgrade", "Zagreb", "Sarajevo", "Tbilisi", "Yerevan", "Baku", "Jerusalem", "Tel Aviv",
	"Haifa", "Ramallah", "Gaza City", "Khan Younis", "Rafah", "Jenin", "Nablus", "Hebron",
	"Beirut", "Damascus", "Aleppo", "Idlib", "Homs", "Baghdad", "Mosul", "Basra", "Erbil", "Tehran",
	"Riyadh", "Jeddah", "Mecca", "Doha", "Dubai", "Abu Dhabi", "Muscat", "Sanaa", "Aden", "Amman",
	"Cairo", "Alexandria", "Tripoli", "Benghazi", "Tunis", "Algiers", "Rabat", "Casablanca",
	"Khartoum", "Addis Ababa", "Nairobi", "Mogadishu", "Kampala", "Kigali", "Kinshasa", "Lagos",
	"Abuja", "Accra", "Dakar", "Bamako", "Johannesburg", "Cape Town", "Pretoria", "Kabul",
	"Kandahar", "Islamabad", "Karachi", "Lahore", "New Delhi", "Delhi", "Mumbai", "Kolkata",
	"Dhaka", "Colombo", "Kathmandu", "Beijing", "Shanghai", "Hong Kong", "Taipei", "Tokyo", "Osaka",
	"Seoul", "Pyongyang", "Manila", "Jakarta", "Bangkok", "Hanoi", "Ho Chi Minh City", "Yangon",
	"Kuala Lumpur", "Sydney", "Melbourne", "Canberra", "Auckland", "Washington", "New York",
	"Los Angeles", "Chicago", "Houston", "Boston", "San Francisco", "Miami", "Atlanta", "Dallas",
	"Seattle", "Philadelphia", "Detroit", "Ottawa", "Toronto", "Montreal", "Vancouver",
	"Mexico City", "Havana", "Caracas", "Bogota", "Lima", "Santiago", "Buenos Aires", "Sao Paulo",
	"Rio de Janeiro", "Brasilia", "Quito", "La Paz", "Montevideo", "Panama City",
}

// handORG: organisations that stand for institutions in news text.
var handORG = []string{
	"Kremlin", "Pentagon", "White House", "Downing Street", "Elysee", "State Department",
	"United Nations", "UN", "U.N.", "NATO", "European Union", "EU", "OPEC", "IMF", "World Bank",
	"WHO", "World Health Organization", "UNICEF", "UNRWA", "UNHCR", "Red Cross", "Red Crescent",
	"Security Council", "General Assembly", "African Union", "Arab League", "ASEAN", "G7", "G20",
	"Hamas", "Hezbollah", "Hizbollah", "Islamic Jihad", "Fatah", "PLO", "Palestinian Authority",
	"Taliban", "al-Qaeda", "al Qaeda", "Al-Qaeda", "Islamic State", "ISIS", "ISIL", "Houthis",
	"Wagner", "Wagner Group", "IDF", "Israel Defense Forces", "Mossad", "Shin Bet", "CIA", "FBI",
	"NSA", "KGB", "FSB", "Reuters", "Associated Press", "AP", "AFP", "BBC", "CNN", "Al Jazeera",
	"TASS", "RIA Novosti", "Interfax", "Xinhua", "Fox News", "New York Times", "Washington Post",
	"Congress", "Senate", "Parliament", "Knesset", "Duma", "Bundestag", "Supreme Court",
	"Foreign Ministry", "Defense Ministry", "Defence Ministry", "Health Ministry",
	"Republican Party", "Democratic Party", "Labour", "Conservative Party", "Likud",
	"Google", "Apple", "Microsoft", "Amazon", "Facebook", "Meta", "Gazprom", "Rosneft",
	// platforms news cites as sources ("said on Telegram"): companies, not places
	"Telegram", "Twitter", "YouTube", "WhatsApp", "Instagram", "TikTok", "Weibo", "VKontakte",
}

// handMISC: nationalities, demonyms and religions (CoNLL-2003 tags these
// MISC), plus a few events.
var handMISC = []string{
	"American", "Americans", "British", "Briton", "Britons", "English", "French", "German", "Germans",
	"Italian", "Italians", "Spanish", "Russian", "Russians", "Ukrainian", "Ukrainians", "Chinese",
	"Japanese", "Korean", "Indian", "Pakistani", "Afghan", "Iranian", "Iranians", "Iraqi", "Iraqis",
	"Syrian", "Syrians", "Lebanese", "Israeli", "Israelis", "Palestinian", "Palestinians",
	"Egyptian", "Jordanian", "Saudi", "Turkish", "Kurdish", "Kurds", "Arab", "Arabs", "Arabic",
	"Persian", "Yemeni", "Libyan", "Sudanese", "Ethiopian", "Somali", "Kenyan", "Nigerian",
	"South African", "Australian", "Canadian", "Mexican", "Brazilian", "Argentine", "Cuban",
	"Venezuelan", "Colombian", "Polish", "Dutch", "Belgian", "Swiss", "Austrian", "Swedish",
	"Norwegian", "Danish", "Finnish", "Greek", "Serbian", "Serb", "Serbs", "Croatian", "Croat",
	"Bosnian", "Albanian", "Romanian", "Hungarian", "Czech", "Slovak", "Bulgarian", "Belarusian",
	"Georgian", "Armenian", "Azerbaijani", "Chechen", "Uzbek", "Kazakh", "European", "Europeans",
	"Asian", "African", "Western", "Muslim", "Muslims", "Islamic", "Christian", "Christians",
	"Jewish", "Jews", "Jew", "Catholic", "Orthodox", "Sunni", "Shi'ite", "Shiite", "Shia", "Hindu",
	"Buddhist", "Zionist", "Olympics", "World Cup", "Ramadan", "Christmas", "Easter", "Holocaust",
}

// handFirstNames: given names common in international news; a token on
// this list followed by a capitalised word is very likely a person.
var handFirstNames = []string{
	"John", "James", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
	"Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Antony", "Mark", "Donald", "Steven",
	"Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George", "Edward", "Ronald", "Timothy",
	"Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry",
	"Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Frank", "Gregory", "Raymond", "Alexander",
	"Patrick", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Jose", "Adam", "Henry", "Nathan",
	"Douglas", "Zachary", "Peter", "Kyle", "Walter", "Ethan", "Jeremy", "Harold", "Keith",
	"Christian", "Roger", "Noah", "Gerald", "Carl", "Terry", "Sean", "Austin", "Arthur", "Lawrence",
	"Jesse", "Dylan", "Bryan", "Joe", "Jordan", "Billy", "Bruce", "Albert", "Willie", "Gabriel",
	"Logan", "Alan", "Juan", "Wayne", "Roy", "Ralph", "Randy", "Eugene", "Vincent", "Russell",
	"Louis", "Bobby", "Philip", "Johnny", "Bill", "Hillary", "Barack", "Kamala", "Nancy", "Mike",
	"Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah",
	"Karen", "Lisa", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna",
	"Michelle", "Carol", "Amanda", "Dorothy", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon",
	"Laura", "Cynthia", "Kathleen", "Amy", "Angela", "Shirley", "Anna", "Brenda", "Pamela", "Emma",
	"Nicole", "Helen", "Samantha", "Katherine", "Christine", "Debra", "Rachel", "Carolyn", "Janet",
	"Catherine", "Maria", "Heather", "Diane", "Ruth", "Julie", "Olivia", "Joyce", "Virginia",
	"Victoria", "Kelly", "Lauren", "Christina", "Joan", "Evelyn", "Judith", "Megan", "Andrea",
	"Cheryl", "Hannah", "Jacqueline", "Martha", "Gloria", "Teresa", "Ann", "Sara", "Madison",
	"Frances", "Kathryn", "Janice", "Jean", "Abigail", "Alice", "Judy", "Sophia", "Grace", "Denise",
	"Ursula", "Angela", "Emmanuel", "Olaf", "Rishi", "Keir", "Boris", "Theresa", "Tony", "Gordon",
	"Vladimir", "Dmitry", "Dmitri", "Sergei", "Sergey", "Alexei", "Alexey", "Mikhail", "Nikolai",
	"Ivan", "Yuri", "Oleg", "Igor", "Andrei", "Andriy", "Volodymyr", "Oleksandr", "Olena", "Yulia",
	"Viktor", "Petro", "Maria", "Natalia", "Tatiana", "Olga", "Ramzan", "Yevgeny", "Yevgeniy",
	"Benjamin", "Yoav", "Naftali", "Yair", "Isaac", "Itamar", "Bezalel", "Avi", "Moshe", "Ehud",
	"Ariel", "Shimon", "Yitzhak", "Mahmoud", "Mohammed", "Mohammad", "Muhammad", "Ahmed", "Ahmad",
	"Ali", "Hassan", "Hussein", "Ismail", "Yahya", "Khaled", "Khalid", "Omar", "Osama", "Abdullah",
	"Abdel", "Abu", "Ibrahim", "Yousef", "Youssef", "Mustafa", "Recep", "Bashar", "Hafez", "Ebrahim",
	"Hossein", "Javad", "Qassem", "Nasrallah", "Salman", "Tamim", "Xi", "Li", "Wang", "Narendra",
	"Imran", "Shehbaz", "Kim", "Moon", "Yoon", "Shinzo", "Fumio", "Jair", "Luiz", "Nicolas",
	"Javier", "Gustavo", "Andres", "Carlos", "Luis", "Miguel", "Pedro", "Pablo", "Jorge", "Fernando",
	"Francisco", "Angela", "Gerhard", "Helmut", "Jacques", "Francois", "Nicolas", "Pierre",
	"Jean", "Giorgia", "Silvio", "Matteo", "Mario", "Pope", "Recep", "Jens", "Josep", "Charles",
}

// handOrgWords: words that end (or head) organisation names.
var handOrgWords = []string{
	"Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Ltd", "Ltd.", "Limited", "plc",
	"PLC", "LLC", "AG", "GmbH", "SA", "S.A.", "NV", "N.V.", "AB", "ASA", "Group", "Holdings",
	"Bank", "Airlines", "Airways", "Motors", "Industries", "Partners", "Fund", "Trust", "Capital",
	"FC", "F.C.", "United", "City", "Rovers", "Wanderers", "Athletic", "Club", "Association",
	"Federation", "Union", "Party", "Ministry", "Council", "Committee", "Commission", "Agency",
	"Institute", "University", "College", "Organization", "Organisation", "Foundation", "Forces",
	"Army", "Brigades", "Front", "Movement", "Court", "Parliament", "Assembly", "Office",
	"Department", "Board", "Exchange", "News", "Times", "Post", "Journal", "Press", "Television",
	"SpA", "S.p.A.", "Plc", "BV", "B.V.", "Bhd", "Pty", "KK", "Oyj", "SE", "Cos", "Bros", "Bros.",
}

// handPersonTitles: words that often precede a person's name.
var handPersonTitles = []string{
	"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "President", "Minister",
	"Prime", "Premier", "Chancellor", "King", "Queen", "Prince", "Princess", "Sheikh", "General",
	"Gen.", "Colonel", "Col.", "Captain", "Capt.", "Lieutenant", "Lt.", "Sergeant", "Sgt.",
	"Senator", "Sen.", "Rep.", "Governor", "Gov.", "Mayor", "Judge", "Justice", "spokesman",
	"spokeswoman", "spokesperson", "Secretary", "Ambassador", "envoy", "leader", "chief", "Pope",
	"Cardinal", "Bishop", "Rabbi", "Imam", "Ayatollah", "coach", "striker", "midfielder",
	"defender", "goalkeeper", "Sir", "Lord", "Lady", "Saint", "St", "St.", "CEO", "chairman",
}
