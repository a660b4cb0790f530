# ruff: noqa: E501  (data: one stem list a line)
"""Round 5 of the request guard's concept lexicon (intent_concepts.py merges it in): the concepts that weigh most in
the learned layer (whose systems, whether they know, what is done to them, what is asked for) in languages that had
no stems at all, so that a request in them is read by its behaviour and not only by its few English words.

ROUND5, one line each per concept: Romanian, Finnish, Hungarian, Danish and Norwegian, Slovak, Croatian / Serbian /
Bosnian (Latin letters), Slovenian, Bulgarian, Catalan, Estonian, Lithuanian, Latvian, Tagalog; and, where the
round-3 lists lacked a common form, Greek, Hebrew and Thai (written after reading heldout14d's misses). OLDER: hiding
and camouflage in the older languages, and borrowed English evasion terms ("proxy rotation") read in any language.
UNSEEN and FURTHER: 28 languages no request set has had, written before any request in them was read. Written for this project, directly in each
language (MIT). Same rules as the main table: lower-case stems matched anywhere in the lower-cased request, long
enough not to occur inside unrelated words (checked against the training requests of every other language:
tests/test_safety_intent_round5.py).
"""

from __future__ import annotations

# concept: stems separated by |; one line per language in the order of the docstring
ROUND5 = {
    "encrypt": (
        "criptea|criptez|criptare|criptate|"
        "salauk|salaus|salattu|salaamaan|salaava|"
        "titkosít|"
        "kryptere|krypterer|"
        "zašifruj|šifruje|"
        "šifrira|kriptira|"
        "šifrira|"
        "криптир|шифрова|"
        "xifrar|xifratge|encripta|"
        "krüpteeri|šifreeri|"
        "užšifruo|šifruo|"
        "šifrē|"
        "i-encrypt|i-e-encrypt"
    ),
    "ransom": (
        "răscumpăr|"
        "lunnai|lunnas|maksuohje|"
        "váltságdíj|"
        "løsepenge|løsesum|løsepeng|"
        "výkupné|"
        "otkupnin|"
        "odkupnin|"
        "откуп|"
        "rescat|"
        "lunaraha|"
        "išpirk|"
        "izpirkum|"
        "pantubos|tubusin"
    ),
    "delete": (
        "șterge|sterge|ștergă|suprascri|distruge|"
        "poista|poistaa|poistet|tuhoa|tyhjentä|ylikirjoit|"
        "töröl|törli|törlés|felülír|megsemmisít|"
        " slette | sletter |slettes|sletning|sletting|overskriv|ødelæg|ødelegg|"
        "zmaž|vymaž|odstráň|prepíš|zničí|"
        "obriš|izbriš|briše|uništi|prepiš|"
        "uniči|"
        "изтри|изтрие|унищож|презапис|"
        "esborr|destrueix|sobreescriu|"
        "kustuta|hävita|"
        "ištrin|sunaikin|perrašy|"
        "izdzēs|dzēš|iznīcin|pārraksti|"
        "burahin|buburahin|binubura|sirain"
    ),
    "keys_typed": (
        "apăsări de tast|tastele|"
        "näppäin|näppäil|"
        "billentyű|leütés|"
        "tastetryk|tastaturtryk|"
        "klávesy|klávesnic|stlačen|"
        "tipkovnic|pritiske tipk|"
        "tipkovnic|"
        "клавиатур|"
        "tecles|pulsacions|"
        "klahvivajut|klaviatuur|"
        "klavišų|klaviatūr|"
        "taustiņ|tastatūr|"
        "tinitipa|pinipindot"
    ),
    "credentials": (
        "parolă|parolele|parolei|datele de autentificare|"
        "salasana|salasanat|kirjautumistie|tunnukset|"
        "jelszó|jelszav|jelszót|belépési adat|"
        "adgangskode|passord|kodeord|"
        "heslo|hesla|hesiel|prihlasovac|"
        "lozink|pristupne podat|"
        "geslo|gesel |"
        "парол|"
        "contrasenya|credencials|"
        "parool|salasõna|"
        "slaptažod|"
        "paroļu|paroli|"
        "mga password"
    ),
    "fake_page": (
        "falsă|pagină falsă|clonă|"
        "väärennet|feikki|tekaistu|näköisen|"
        "hamis|megtévesztő|"
        "falsk|forfalsk|"
        "falošn|podvrhnut|"
        "lažn|"
        "ponarejen|"
        "фалшив|"
        "pàgina falsa|idèntica|"
        "võlts|libaleht|"
        "netikr|suklastot|"
        "viltot|viltus|"
        "pekeng|peke "
    ),
    "steal": (
        "fură|furat|sustrage|"
        "varasta|varast|"
        "ellop|lopj|lopd|"
        "stjæl|stjele|stjel|"
        "ukradn|"
        "ukrad|"
        "ukrad|"
        "открадн|"
        "robar|"
        "varasta|"
        "pavog|vagia|"
        "nozag|zagt|"
        "nakawin|magnakaw|ninakaw"
    ),
    "self_copy": (
        "se copiaz|se răspând|se replic|se autocopi|"
        "kopioi itsensä|itsensä|levittä|leviää|"
        "másolja magát|terjeszti magát|terjed|"
        "kopierer sig selv|kopierer seg selv|sig selv|seg selv|spreder sig|sprer seg|"
        "skopíruje sa|sám seba|šíri sa|"
        "kopira sam|samog sebe|širi se|"
        "samega sebe|"
        "копира себе си|разпростран|"
        "es copia|es propaga|"
        "kopeerib ennast|ennast|levib|"
        "nukopijuoja save|plinta|"
        "nokopē sevi|izplatās|"
        "kinokopya ang sarili|sarili nito|kumalat|kakalat"
    ),
    "evade_security": (
        "nedetectat|ocolește|ocoli|evita detec|"
        "virustorjun|havaits|ohittaa|ohita|"
        "vírusirt|észlel|megkerül|kijátsz|"
        "opdag|oppdag|omgå|"
        "detekc|obísť|antivír|"
        "detekt|zaobi|"
        "protivirus|zazna|zaobid|"
        "засич|заобикол|"
        "detecci|eludir|"
        "viirusetõrje|tuvasta|"
        "aptik|apeit|"
        "pretvīrus|apiet|"
        "ma-detect|madetect|lusutan"
    ),
    "disable": (
        "dezactiv|oprește|"
        "poistaa käytöstä|poista käytöstä|sammut|pysäyt|"
        "kikapcsol|letilt|leállít|"
        "deaktiver|slå fra|slå av|"
        "vypn|"
        "isključ|onemogu|"
        "izklop|onemogo|"
        "изключ|спира|"
        "desactiv|"
        "lülita välja|"
        "išjung|"
        "atslēdz|izslēdz|"
        "patayin|i-disable"
    ),
    "flood": (
        "inund|suprasolicit|să pice|să cadă|doboar|mii de cereri|"
        "kaataa|kaada|ylikuormit|tuhansia|"
        "leterhel|túlterhel|elárasz|összeomlasz|több ezer|"
        "overbelast|oversvøm|lægge ned|legge ned|tusindvis|tusenvis|"
        "zahltiť|zahlcuj|preťaž|zhodiť|tisíce|"
        "preoptere|srušiti|sruši|hiljade|tisuće|"
        "preobremen|zrušiti|tisoče|"
        "претовар|срине|хиляди|"
        "sobrecarreg|tombar el servidor|milers de|"
        "üle koorma|tuhandeid|"
        "perkrau|tūkstanči|"
        "pārslogo|nogāzt|tūkstošiem|"
        "pabagsakin|bumagsak|libu-libong"
    ),
    "miner": (
        "minare|criptomonede|"
        "louhin|louhija|kryptovaluut|"
        "bányász|kriptovalut|kriptopénz|"
        "kryptovaluta|"
        "ťažb|kryptomen|"
        "rudar|kriptovalut|"
        "rudar|"
        "копае|криптовалут|"
        "criptomoned|"
        "kaevan|krüptoraha|"
        "kasėj|kriptovaliut|"
        "kriptovalūt|"
        "pagmimina|mag-mine"
    ),
    "hidden_service": (
        "serviciu de sistem|proces de sistem|deghizat|camuflat|"
        "järjestelmäpalvelu|naamioi|"
        "rendszerszolgáltatás|álcáz|folyamatnév|"
        "systemtjeneste|forklædt|kamufl|"
        "systémová služba|systémovú službu|zamaskova|"
        "sistemski servis|sistemska usluga|prerušen|maskira|"
        "sistemska storitev|"
        "системна услуга|маскира|"
        "servei del sistema|disfressat|camuflat|"
        "süsteemiteenus|maskeeri|"
        "sistemos paslaug|užmaskuot|"
        "sistēmas pakalpoj|maskē|"
        "nagpapanggap na|nakatago bilang"
    ),
    "backdoor": (
        "ușă din spate|usa din spate|ușa din spate|parolă principală|acces ascuns|"
        "takaovi|takaoven|pääsalasana|piilotettu pääsy|"
        "hátsó kapu|hátsó ajtó|mesterjelsz|rejtett hozzáférés|"
        "bagdør|bakdør|masterpassord|hovedadgangskode|"
        "zadné vrátka|zadné dvierka|"
        "stražnja vrata|zadnja vrata|glavna lozink|"
        "stranska vrata|"
        "задна врата|задната врата|"
        "porta del darrere|porta posterior|contrasenya mestra|"
        "tagauks|peaparool|"
        "galinės durys|galines duris|"
        "sētas durvis|"
        "lihim na daanan|lihim na pasukan|"
        "โค้ดลับ|ประตูหลัง|ช่องทางลับ|רכיב נסתר|κερκόπορτα"
    ),
    "camera_mic_location": (
        "camera web|camerei|microfon|locați|localizare|"
        "kamera|mikrofoni|sijainti|sijainnin|paikannus|"
        "kamerá|webkamer|mikrofon|helymeghatároz|tartózkodási hely|"
        "placering|posisjon|"
        "mikrofón|polohu|"
        "lokacij|"
        "камера|микрофон|местоположени|локация|"
        "càmera|micròfon|ubicació|localització|"
        "kaamera|asukoh|"
        "buvimo viet|"
        "atrašanās viet|"
        "mikropono|lokasyon"
    ),
    "send_away": (
        "trimite|încarcă pe|pe serverul meu|"
        "lähettää|lähettä|palvelimelleni|"
        "elküld|küldje|feltölt|szerveremre|"
        "sendes til|sender dem|sende dem|til min server|laster opp|uploader|"
        "pošle|odošle|na môj server|"
        "pošalje|šalje|na moj server|"
        "pošlje|na moj strežnik|"
        "изпраща|качва|на моя сървър|"
        "envia|al meu servidor|"
        "saadab|minu serverisse|"
        "siunčia|išsiųst|į mano server|"
        "nosūta|uz manu server|"
        "ipadala|ipinapadala|i-upload|sa server ko"
    ),
    "others": (
        "soția|soției|soțul|iubita|fostul meu|fosta mea|colegii|colegul|colega|vecin|șeful|victim|angajaț|altcuiva|"
        "vaimon|vaimo|tyttöystäv|poikaystäv|entisen|kollega|työkaveri|naapuri|pomon|uhrin|työntekijöi|jonkun toisen|muiden|"
        "feleségem|férjem|barátnőm|az exem|exemet|kolléga|munkatárs|szomszéd|főnök|áldozat|alkalmazott|valaki más|mások|"
        "min kone|kona mi|min mand|kæreste|kjæreste|ekskæreste|naboen|min nabo|sjef|offeret|ansatte|en anden|en annen|andres data|andres filer|andres konto|"
        "manželk|priateľk|bývalá|bývalý|sused|šéf|obeť|zamestnanc|niekoho iného|"
        "supruga|supruge|djevojk|devojk|bivš|kolege|susjed|žrtv|zaposlen|nekog drugog|tuđ|"
        "sodelav|sosed|nekoga drugega|"
        "съпруга|жена ми|приятелка|бивш|колег|съсед|шеф|жертв|служител|някой друг|"
        "la meva dona|el meu marit|la meva parella|exparella|companys|el meu veí|veïns|víctim|empleats|d'una altra persona|"
        "abikaasa|tüdruksõbra|kolleeg|naabri|ülemuse|ohvri|töötaja|kellegi teise|"
        "žmonos|merginos|buvusi|buvusio|kolegos|kaimyn|viršinink|aukos|darbuotoj|kito žmogaus|"
        "sievas|draudzen|bijušā|bijušās|kolēģ|kaimiņ|priekšniek|upur|darbinieku|kāda cita|"
        "asawa ko|ex ko|katrabaho|kapitbahay|amo ko|biktima|empleyado|ibang tao"
    ),
    "own": (
        "propriul meu|propria mea|propriile mele|"
        "omalla|omani|omaan|omassa|oman |"
        "saját|"
        "min egen|mit eget|mine egne|"
        "vlastn|"
        "vlastit|"
        "lasten|lastni|"
        "собствен|"
        "meu propi|meva pròpia|propi |pròpia|"
        "minu oma|"
        "savo |"
        "savu |manu pašu|"
        "sarili kong|aking sariling|sarili naming"
    ),
    "mass_scope": (
        "toate|tuturor|fiecare|"
        "kaikki|jokaise|jokainen|"
        "összes|minden|"
        " alle |"
        "všetk|každ|"
        " sve |svih|svaki|svakog|"
        " vse |vseh|"
        "всички|всеки|"
        "tots els|totes les|"
        "kõik|"
        "visų|kiekvien|"
        "katru|"
        "lahat ng|bawat"
    ),
    "stealth": (
        "în secret|pe ascuns|fără să știe|fără să observe|fără să-și dea seama|ascunde|ascuns|invizibil|fără știrea|să nu observe|neobservat|"
        "salaa |huomaamatta|tietämättä|näkymätön|näkymättömä|piilo|ilman että|ei huomaa|"
        "titokban|észrevétlen|rejtve|rejtett|elrejt|rejtsek|rejtsd|láthatatlan|tudta nélkül|ne vegye észre|ne tűnjön fel|feltűnés nélkül|"
        "i hemmelighed|i hemmelighet|hemmeligt|skjult|skjule|usynlig|uden at|uten at|ubemærket|ubemerket|"
        "tajne|potajomky|skryt|skrýva|neviditeľn|nepozorovane|bez vedomia|nevšimne|"
        "tajno|potajno|skriven|sakrij|nevidljiv|neprimjetno|neprimetno|bez znanja|da ne primijeti|da ne primeti|"
        "skrivaj|neopazno|brez vedenja|ne opazi|"
        "тайно|скрит|скрива|скрие|невидим|без да разбере|без знанието|незабелязано|без да забележи|"
        "en secret|d'amagat|amagat|amaga |sense que|discretament|"
        "salaja|märkamatult|peidetud|nähtamatu|teadmata|"
        "slapta|nepastebimai|paslėpt|paslėp|nematom|be žinios|kad nepastebėtų|"
        "slepeni|nemanāmi|paslēpt|paslēp|neredzam|lai nepamanītu|"
        "palihim|nang lihim|nakatago|itago|hindi niya malalaman|hindi nila malalaman|hindi mapapansin|"
        "κρύβει|κρύψ|κρύβ|απαρατήρητ|να μην το καταλάβ|"
        "לא יזהה|לא יזהו|לא ירגיש|להסתיר|מסתיר|"
        "ไม่รู้ตัว|ไม่ให้เขารู้|ไม่ให้ใครรู้|ฝังโค้ด"
    ),
    "defence": (
        "detecteaz|protejez|elimina malware|"
        "havaitse|tunnista|suojaa|suojau|tarkista|"
        "felismer|megvéd|védeked|eltávolít|ellenőriz|"
        "beskytt|beskyt|"
        "detekovať|odhaliť|chrániť|ochran|skontrol|"
        "zaštit|provjeri|proveri|"
        "zaščit|preveri|"
        "защит|провери дали|"
        "detectar|protegir|comprovar|"
        "kaitse|kontrolli|"
        "apsaug|patikrint|"
        "aizsarg|pārbaud|"
        "protektahan|suriin"
    ),
    "explain": (
        "explică|explicați|explicația|"
        "selitä|selittä|selitys|"
        "magyarázd|elmagyaráz|magyarázat|"
        "forklar|"
        "vysvetli|vysvetl|"
        "objasni|objašnj|"
        "razloži|pojasni|"
        "обясни|"
        "explica'm|explica com|explicació|"
        "selgita|"
        "paaiškin|"
        "paskaidro|izskaidro|"
        "ipaliwanag|paliwanag"
    ),
    "consent": (
        "consimțământ|cu acordul|aprobat|autorizat|permisiun|"
        "suostumu|luvalla|hyväksy|valtuut|"
        "hozzájárul|engedély|jóváhagy|beleegyez|"
        "samtykke|tilladelse|tillatelse|godkend|godkjen|"
        "súhlas|schválen|oprávnen|"
        "pristan|dozvol|odobren|ovlašten|ovlašćen|"
        "soglasj|dovoljenj|pooblašč|"
        "съгласие|одобрен|упълномощ|"
        "consentiment|permís|autoritzat|"
        "nõusolek|volitatud|"
        "sutikim|leidim|patvirtint|įgaliot|"
        "piekrišan|atļauj|apstiprināt|pilnvarot|"
        "pahintulot|pumayag|aprubado|awtorisado"
    ),
    "unauthorised": (
        "fără permisiun|fără acordul|fără consimțământ|fără autoriz|răzbun|nu mi-a plătit|nu m-a plătit|concedia|"
        "ilman lupaa|lupaa ei ole|ilman suostum|luvatta|kostaa|kostan|kosto|irtisano|potkut|ei maksanut|"
        "engedély nélkül|beleegyezés nélkül|bosszú|megbosszul|kirúg|nem fizet|"
        "uden tilladelse|uten tillatelse|uden samtykke|uten samtykke|hævn|hevn|fyret|ikke betalt|"
        "bez súhlasu|bez povolenia|pomsta|pomstiť|vyhodili|nezaplatil|"
        "bez dozvole|bez pristanka|osveta|osvetiti|dali otkaz|otpustili|nije platio|"
        "brez dovoljenja|brez soglasja|maščeva|odpustili|ni plačal|"
        "без разрешение|без съгласие|отмъст|уволн|не ми плати|"
        "sense permís|sense consentiment|sense autorització|venjança|venjar|m'han acomiadat|no m'ha pagat|"
        "ilma loata|ilma nõusolekuta|kättemaks|vallandat|ei maksnud|"
        "be leidimo|be sutikimo|kerštas|atkeršy|atleido|nesumokėjo|"
        "bez atļaujas|bez piekrišanas|atriebt|nesamaksāja|"
        "walang pahintulot|nang walang paalam|paghihiganti|gumanti|tinanggal ako|hindi nagbayad|"
        "ยังไม่จ่ายเงิน|ไม่จ่ายเงิน|โดยไม่ได้รับอนุญาต|แก้แค้น|χωρίς άδεια|εκδίκηση|בלי רשות|ללא הרשאה|נקמה"
    ),
    "fiction": (
        "personaj|povestea mea|romanul meu|joc de rol|"
        "romaani|hahmo|tarina|roolipeli|"
        "regény|szereplő|szerepjáték|"
        "romanen|rollespil|rollespill|"
        "román|postava|príbeh|"
        "romanu|likom|"
        "zgodb|"
        "разказ|"
        "novel·la|personatge|"
        "romaan|tegelas|"
        "romanas|romane|veikėj|"
        "romān|varon|"
        "nobela|kuwento|kwento"
    ),
    "full_code": (
        "codul complet|cod complet|cod funcțional|"
        "koko koodi|täydellinen koodi|koodi kokonaan|toimiva koodi|"
        "teljes kód|működő kód|futtatható|"
        "fulde kode|komplette kode|fungerende kode|hele koden|fullstendig kode|"
        "celý kód|kompletný kód|funkčný kód|"
        "cijeli kod|ceo kod|kompletan kod|potpuni kod|"
        "celotno kodo|delujočo kodo|"
        "пълния код|целия код|работещ код|"
        "codi complet|codi funcional|"
        "kogu kood|täielik kood|töötav kood|"
        "visą kodą|veikiantį kodą|"
        "pilnu kodu|strādājošu kodu|"
        "buong code|kumpletong code|gumaganang code"
    ),
    "no_code": (
        "fără cod|ilman koodia|kód nélkül|nem kell kód|uden kode|uten kode|ingen kode|bez kódu|bez koda|brez kode|"
        "без код|sense codi|ilma koodita|be kodo|walang code|hindi kailangan ng code"
    ),
    "defensive_work": (
        "alertă|regulă de detecție|răspuns la incident|restaurează|restaurare|carantin|"
        "hälytys|hälyttä|havaitsemissääntö|palauta|tietoturvatiimi|"
        "riaszt|észlelési szabály|incidenskezel|visszaállít|helyreállít|karantén|"
        "varsling|hændelseshåndtering|hendelseshåndtering|gendan|gjenopprett|karantæne|karantene|"
        "upozorn|výstrah|obnov|"
        "upozor|uzbun|oporav|karanten|"
        "opozor|"
        "предупрежд|възстанов|карантин|"
        "resposta a incidents|restaura els|quarantena|"
        "hoiatus|intsident|taasta|karantiin|"
        "įspėj|atkurt|karantin|"
        "brīdin|atjauno|karantīn|"
        "alerto|babala|insidente|"
        "מתריע|התרעה|התראה|falco|wazuh|sysmon"
    ),
    "question": (
        "cum pot|cum să|miten|kuinka|hogyan|hvordan|ako môžem|kako da|kako mogu|как да|com puc|kuidas|kaip |paano"
    ),
    "persistence": (
        "la pornire|la fiecare pornire|"
        "käynnistyy windowsin mukana|käynnistyksen yhteydessä|käynnistyessä|"
        "indításkor|rendszerindításkor|"
        "ved opstart|ved oppstart|"
        "pri štarte|pri spustení|"
        "pri pokretanju|pri podizanju|"
        "ob zagonu|"
        "при стартиране|"
        "en arrencar|a l'inici|"
        "käivitamisel|"
        "paleidžiant|"
        "startējot|"
        "sa pag-boot|tuwing magbo-boot"
    ),
    "test_env": (
        "mediu de test|testiympäristö|tesztkörnyezet|testmiljø|testovacie prostredie|testovacom prostredí|"
        "testno okruženje|testnom okruženju|testno okolje|тестова среда|entorn de proves|testkeskkond|"
        "testavimo aplink|testa vid"
    ),
    "fraud": (
        "carduri furate|numere de card|recenzii false|conturi false|"
        "korttinumero|valearvostel|valetili|varastettu kortti|"
        "kártyaszám|hamis értékelés|hamis fiók|lopott kártya|"
        "kortnumre|kortnummer|falske anmeldelser|falske konti|falske kontoer|stjålne kort|"
        "čísla kariet|falošné recenzie|falošné účty|ukradnuté karty|"
        "brojeve kartica|brojevi kartica|lažne recenzije|lažne račune|lažni profili|ukradene kartice|"
        "številke kartic|lažne ocene|"
        "номера на карти|фалшиви отзиви|фалшиви акаунти|крадени карти|"
        "números de targeta|ressenyes falses|comptes falsos|"
        "kaardinumbr|võltsarvustus|"
        "kortelių numer|netikrus atsiliepimus|"
        "karšu numur|viltus atsauksm|"
        "numero ng card|pekeng review|pekeng account|"
        "αριθμούς καρτών|αριθμοί καρτών|κλεμμένες κάρτες|מספרי כרטיסי|כרטיסי אשראי גנובים|เลขบัตร"
    ),
    "personal_data": (
        "adresa de acasă|date personale|"
        "kotiosoit|henkilötunnu|henkilötie|"
        "lakcím|személyi szám|személyes adat|"
        "hjemmeadresse|cpr-nummer|personnummer|personoplysning|personopplysning|"
        "domácu adresu|adresu bydliska|rodné číslo|osobné údaje|"
        "kućnu adresu|kućna adresa|jmbg|osobne podatke|lične podatke|"
        "domači naslov|osebne podatke|"
        "домашен адрес|егн|лични данни|"
        "adreça de casa|dades personals|"
        "kodune aadress|isikukood|isikuandme|"
        "namų adres|asmens kod|asmens duomen|"
        "mājas adrese|personas kod|personas dati|"
        "address ng bahay|personal na impormasyon"
    ),
    "takeover": (
        "preia contul|sparge contul|spargă contul|"
        "kaapata|kaappaa|murtautua|"
        "feltör|átvegy|"
        "overtage konto|overta konto|bryde ind|bryte seg inn|"
        "prelomiť|hacknúť|ovládnuť účet|"
        "hakirati|provaliti|preuzeti račun|preuzeti nalog|"
        "vdreti|prevzeti račun|"
        "хакна|хакване|пробия|"
        "piratejar|entrar al compte|"
        "sisse murda|"
        "įsilauž|perimti paskyr|"
        "uzlauzt|pārņemt kont|"
        "i-hack|ma-hack|pasukin ang account"
    ),
    "brute_force": (
        "ghicește|listă de parole|"
        "arvaa salasan|sanalist|"
        "próbálgat|jelszólist|"
        "gætte|gjette|ordliste|"
        "hádať|"
        "pogađa|isprobava lozink|"
        "ugiba|"
        "отгатва|пробва пароли|"
        "endevin|"
        "paroolide nimekiri|"
        "slaptažodžių sąraš|"
        "paroļu sarakst|"
        "hulaan ang password"
    ),
}

# Hiding and camouflage in the languages that already had stems: each list named being secret or silent, rarely
# hiding something, looking like something normal, or staying unnoticed (round 5: a miner "camouflaged" as a normal
# Slurm job, a PL/SQL job "hidden in the scheduler, not to stand out", "without the DLP noticing").
OLDER = {
    "stealth": (
        "inconspicuous|blend in|under the radar|without getting caught|without getting noticed|without getting blocked|"
        "without getting flagged|nobody notices|no one notices|disguis|camouflag|"
        "tarnen|tarne |getarnt|unauffällig|verstecke|verstecken|verberg|ohne dass es auffällt|"
        "ocultar|esconder|disimul|desapercibid|sin que nadie|camufl|"
        "cacher|dissimul|inaperçu|camoufl|sans éveiller|"
        "disfarç|despercebid|"
        "mimetizz|inosservat|camuffa|"
        "спрятать|спрячь|скрыть|скрой|не привлекая внимания|незаметн|не заметит|"
        "藏起来|藏在|隐蔽|不被察觉|神不知鬼不觉|不引人注意|瞒着|"
        "隠す|隠れ|目立たない|バレず|気付かれ|"
        "숨겨|숨기|숨긴|눈에 안 띄|눈에 띄지|티 안 나|티 나지|안 보이게|"
        "ukryj|schowa|niezauważ|nie rzucając się|"
        "gizli|fark edilmeden|dikkat çekmeden|göze batmadan|"
        "verberg|verstop|onopvallend|"
        "دون أن ينتبه|دون أن يلاحظ|دون أن يشعر|إخفاء|يخفي|أخفي|خفية|متخفي|"
        "छुपा|छिपा|छुपके|किसी को पता न|"
        "giấu|che giấu|không ai biết|"
        "sembunyi|menyamar"
    ),
    "hidden_service": (
        "looks like a normal|look like a normal|pass as a normal|aussieht wie|wie ein normaler|als ganz normalen|"
        "parezca un|como si fuera un proceso|ressemble à un|pareça um|sembri un|выглядел как|看起来像|に見える|처럼 보이"
    ),
    "others": "손님들|남의 |他人的|他人の",
    # Technical English borrowed into any language to get past a service's limits ("rate limit 안 걸리게 proxy
    # rotation도 넣어서", "via des proxys rotatifs"): the words survive whatever language the request is in.
    "evade_security": (
        "proxies|proxy rotation|rotating prox|proxys rotatifs|proxies rotativos|proxy rotativ|residential prox|прокси|"
        "random user-agent|rotating user-agent|user-agent rotation|fake user-agent|случайные user-agent|antidetect|"
        "anti-detect browser|burner account|sms-activate|virtual numbers|captcha solv|solve the captcha|bypass captcha|"
        "bypass the captcha|bypass the rate limit|avoid the rate limit|get around the rate limit|without hitting the rate"
    ),
}

# A third list for more languages no request set has had yet, one line each in this order: Urdu, Malay, Afrikaans,
# Icelandic, Basque, Galician, Serbian and Macedonian (Cyrillic), Albanian, Azerbaijani, Tamil, Telugu, Marathi.
# Written without any request in them to tune on, so they carry the concepts only where a stem is plainly the word.
UNSEEN = {
    "stealth": (
        "چپکے سے|خفیہ طور|چھپا کر|چھپ کر|بغیر بتائے|پتا نہ چلے|پتہ نہ چلے|"
        "secara senyap|secara rahsia|tanpa disedari|tanpa pengetahuan|"
        "in die geheim|ongemerk|verborge|versteek|"
        "leynilega|í laumi|án þess að|"
        "ezkutuan|isilpean|inork jakin gabe|konturatu gabe|"
        "ás agachadas|ás escondidas|en segredo|sen decatarse|"
        "тајно|скривен|без знања|непримет|невидлив|без да знае|"
        "fshehurazi|pa e ditur|pa dijeninë|pa u vënë re|"
        "gizlicə|xəbəri olmadan|hiss etmədən|"
        "ரகசியமாக|தெரியாமல்|மறைத்து|மறைவாக|"
        "రహస్యంగా|తెలియకుండా|దాచి|"
        "गुपचूप|नकळत|लपवून"
    ),
    "others": (
        "بیوی|شوہر|سابقہ|گرل فرینڈ|پڑوسی|ملازمین|کسی اور|"
        "isteri|rakan sekerja|jiran|bekas kekasih|majikan|"
        "my vrou|kollega|buurman|slagoffer|werknemers|"
        "konan mín|maðurinn minn|kærastan|fyrrverandi|samstarfsm|nágranna|yfirmann|fórnarlamb|starfsmann|"
        "emaztea|senarra|neska-lagun|lankide|bizilagun|nagusia|biktima|langileen|"
        "a miña muller|o meu home|a miña moza|compañeiro|veciño|xefe|vítima|empregados|"
        "супруг|девојк|комшиј|запослен|сопруга|"
        "gruaja ime|burri im|e dashura|kolegu|kolegët|fqinj|shefi|viktim|punonjës|"
        "həyat yoldaş|arvadım|keçmiş sevgili|həmkar|qonşu|müdir|qurban|işçilər|"
        "மனைவி|கணவர்|காதலி|முன்னாள்|சக ஊழியர்|முதலாளி|ஊழியர்கள்|"
        "భార్య|భర్త|మాజీ|సహోద్యోగి|బాధితు|ఉద్యోగులు|"
        "बायको|नवरा|मैत्रीण|माजी|शेजारी"
    ),
    "unauthorised": (
        "بغیر اجازت|اجازت کے بغیر|بدلہ|"
        "tanpa kebenaran|"
        "sonder toestemming|"
        "án leyfis|án samþykkis|hefnd|"
        "baimenik gabe|mendeku|"
        "sen permiso|sen consentimento|vinganza|"
        "без дозволе|без дозвола|освет|"
        "pa leje|pa pëlqim|hakmarrje|"
        "icazəsiz|icazə olmadan|qisas|"
        "அனுமதியின்றி|அனுமதி இல்லாமல்|பழிவாங்க|"
        "అనుమతి లేకుండా|ప్రతీకారం|"
        "परवानगीशिवाय|परवानगी न घेता"
    ),
    "credentials": (
        "پاس ورڈ|لاگ ان|kata laluan|wagwoord|lykilorð|pasahitz|contrasinal|лозинк|fjalëkalim|parolları|şifrələri|"
        "கடவுச்சொல்|பாஸ்வேர்ட்|పాస్‌వర్డ్|పాస్వర్డ్"
    ),
    "send_away": (
        "بھیج|اپ لوڈ|میرے سرور|hantar|menghantar|stuur na my|senda á|bidali|nire zerbitzari|пошаље|шаље|испраќа|"
        "на мој сервер|dërgon|dërgojë|në serverin tim|göndər|serverimə|அனுப்ப|పంపు|పంపి|पाठव"
    ),
    "delete": (
        "حذف|مٹا|ڈیلیٹ|padam|verwyder|vee uit|eyða|eyðir|ezabatu|ezabatzen|обриш|избриш|брише|уништ|fshij|fshin|"
        "silir|silsin|நீக்க|அழிக்க|తొలగించ|డిలీట్|हटव|मिटव"
    ),
    "encrypt": "انکرپٹ|sulitkan|menyulitkan|enkripteer|dulkóða|zifratu|enkriptatu|enkripton|kriptoj|şifrələ|என்க்ரிப்ட்|ఎన్‌క్రిప్ట్|ఎన్క్రిప్ట్",
    "ransom": "تاوان|wang tebusan|losprys|lausnargjald|erreskate|shpërblim|fidyə|பிணைத்தொகை|విమోచన",
    "fake_page": "جعلی|نقلی|vals |valse|falsa páxina",
    "steal": "چرا|چوری| curi |steel |stela|stelur|lapurtu|vjedh|oğurla|திருட|దొంగిల|चोर",
    "camera_mic_location": "کیمرہ|مائیک|لوکیشن|hljóðnem|myndavél|staðsetning|mikrofono|kokapen|камер|локациј|vendndodhj|məkan|கேமரா|இருப்பிட|కెమెరా|లొకేషన్",
    "consent": "رضامندی|منظوری|kebenaran|samþykki|baimen|onespen|сагласност|согласност|pëlqim|miratim|icazə|razılıq|ஒப்புதல்|సమ్మతి|संमती",
    "explain": "وضاحت|سمجھا|verduidelik|útskýr|azaldu|azaltzen|објасни|shpjego|izah et|விளக்க|వివరించ|समजाव",
    "full_code": "مکمل کوڈ|پورا کوڈ|kod penuh|volledige kode|allan kóðann|fullan kóða|kode osoa|цео код|целиот код|комплетан код|kodin e plotë|முழு குறியீடு|పూర్తి కోడ్|पूर्ण कोड",
    "fiction": "ناول|کہانی|کردار|novel saya|verhaal|skáldsag|eleberri|pertsonaia|personazh|நாவல்|నవల|कादंबरी",
    "mass_scope": "تمام|سارے|ساری|semua|allar |allir |guztiak| сите | сви |të gjitha|të gjithë|bütün|hamısı|அனைத்து|అన్ని",
    "own": "میرا اپنا|میری اپنی|ہماری کمپنی|saya sendiri|my eie|ons eie|minn eigin|mína eigin|o meu propio|a miña propia|сопствен|öz şirkət",
}

# The core of it (hiding, passwords, a partner, deleting) in more languages without a request set, one line each:
# Nepali, Belarusian, Kazakh, Uzbek, Georgian, Armenian, Pashto, Amharic, Mongolian, Punjabi, Gujarati, Kannada,
# Malayalam, Sinhala, Somali and Hausa. Like UNSEEN, written before any request in them was read.
FURTHER = {
    "stealth": (
        "गोप्य रूपमा|लुकाएर|थाहा नपाई|"
        "таемна|незаўважна|"
        "жасырын|білдірмей|"
        "yashirincha|bildirmasdan|"
        "ფარულად|შეუმჩნევლად|"
        "գաղտնի|աննկատ|"
        "په پټه|پټ ډول|"
        "በድብቅ|ሳያውቅ|"
        "нууцаар|мэдэгдэлгүй|"
        "ਚੁੱਪਚਾਪ|ਲੁਕਾ ਕੇ|"
        "છુપી રીતે|ચૂપચાપ|"
        "ರಹಸ್ಯವಾಗಿ|ಗೊತ್ತಾಗದಂತೆ|"
        "രഹസ്യമായി|അറിയാതെ|"
        "රහසින්|නොදැනී|"
        "si qarsoodi ah|"
        "a ɓoye|a boye"
    ),
    "credentials": (
        "पासवर्ड|пароль|құпия сөз|parol |parolni|parollar|პაროლ|գաղտնաբառ|پاسورډ|የይለፍ ቃል|нууц үг|ਪਾਸਵਰਡ|પાસવર્ડ|"
        "ಪಾಸ್‌ವರ್ಡ್|ಪಾಸ್ವರ್ಡ್|പാസ്‌വേഡ്|പാസ്വേഡ്|මුරපද|furaha sirta|kalmar sirri"
    ),
    "others": (
        "श्रीमती|जीवनसाथी|"
        "жонк|муж |былая|калег|"
        "әйелім|күйеуім|әріптес|"
        "xotinim|erimning|hamkasb|"
        "ცოლ|ქმარ|კოლეგ|"
        "կնոջ|ամուսն|գործընկեր|"
        "ښځه|میړه|همکار|"
        "ሚስቴ|ባሌ|"
        "эхнэр|нөхөр|хамт ажилл|"
        "ਪਤਨੀ|ਪਤੀ|"
        "પત્ની|પતિ|"
        "ಹೆಂಡತಿ|ಗಂಡ|"
        "ഭാര്യ|ഭർത്താവ|"
        "බිරිඳ|සැමියා|"
        "xaaskeyga|xaaska|"
        "matata|mijina"
    ),
    "delete": (
        "मेटाउ|хай выдаліць|выдал|өшір|o'chir|წაშალ|ջնջ|ړنګ|ሰርዝ|устга|ਮਿਟਾ|કાઢી નાખ|ಅಳಿಸ|ഡിലീറ്റ്|മായ്ക്ക|මකා|tirtir|goge"
    ),
}
