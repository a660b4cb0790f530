# ruff: noqa: E501  (data: one stem list a line)
"""More languages for the request guard's concept lexicon (intent_concepts.py merges them in): Greek, Czech,
Hebrew, Thai, Persian, Bengali, Swahili, Ukrainian and Swedish, plus romanised Hindi as it is mixed into English
("bina bataye", "chupke se"). Written for this project, directly in each language (MIT).

Same rules as the main table: lower-case stems, matched anywhere in the lower-cased request, long enough not to
occur inside unrelated words. Scripts without spaces (Thai) rely on multi-letter stems. Persian stems appear both
with the zero-width non-joiner and with a space, as people type either.
"""

from __future__ import annotations

# concept: stems separated by |, one line per language (el, cs, he, th, fa, bn, sw, uk, sv, romanised hi)
WORLD = {
    "encrypt": (
        "κρυπτογραφ|κλειδώνει|κλειδώσ|"
        "šifr|zašifr|uzamkn|zamkne|"
        "הצפנ|להצפין|מצפין|יצפין|"
        "เข้ารหัส|"
        "رمزگذاری|رمزنگاری|رمز گذاری|"
        "এনক্রিপ্ট|"
        "simba fiche|kusimba|husimba|inasimba|"
        "зашифр|блокує|"
        "krypter|"
        "encrypt kar|lock kar"
    ),
    "ransom": (
        "λύτρα|πληρωμ|να πληρώσ|"
        "výkupné|zaplat|platb|"
        "כופר|תשלום|לשלם|ביטקוין|"
        "ค่าไถ่|จ่ายเงิน|ชำระเงิน|บิตคอยน์|"
        "باج|پرداخت|بیت‌کوین|بیت کوین|"
        "মুক্তিপণ|টাকা দিতে|পেমেন্ট|বিটকয়েন|"
        "fidia|kulipa|malipo|walipe|"
        "викуп|гаманц|"
        "lösensumma|betala|betalning|"
        "paise do|paise de|paisa mange"
    ),
    "delete": (
        "διαγραφ|διαγράφ|διαγράψ|σβήν|σβήσ|καταστρ|μορφοποί|"
        "smaž|smaz|vymaž|vymaz|odstraň|odstran|zniči|přepíš|přepis|naformát|"
        "מחיקת|מחק את|ימחק|תמחק|מוחק|למחוק|השמד|לפרמט|פירמוט|"
        "ลบไฟล์|ลบข้อมูล|ลบทิ้ง|ทำลาย|เขียนทับ|ฟอร์แมต|"
        "پاک کن|پاک می|پاک شود|حذف|نابود|بازنویسی|فرمت|"
        "মুছে|ডিলিট|ধ্বংস|ওভাররাইট|ফরম্যাট|"
        "kufuta|inafuta|ifute|futa faili|kuharibu|haribu|"
        "видал|знищ|стира|стерти|перезапис|форматув|"
        "radera|tar bort|förstör|skriver över|formatera|"
        "delete kar|mita do|uda do"
    ),
    "keys_typed": (
        "πληκτρολογ|πλήκτρ|"
        "stisk kláves|stisky kláves|klávesnic|úhoz|co píše|co napíše|"
        "הקשות|מקליד|הקלד|מקלדת|"
        "แป้นพิมพ์|การกดแป้น|ที่พิมพ์|พิมพ์อะไร|"
        "کلیدهای|تایپ|صفحه‌کلید|صفحه کلید|"
        "টাইপ|কীবোর্ড|কীস্ট্রোক|কী-স্ট্রোক|"
        "vitufe|kibodi|anachoandika|wanachoandika|anachokiandika|"
        "клавіш|натискан|друкує|"
        "tangenttryck|tangentbord|vad hon skriver|vad han skriver|"
        "jo bhi type|type karta|type karti"
    ),
    "credentials": (
        "κωδικό πρόσβασης|κωδικούς πρόσβασης|κωδικοί πρόσβασης|συνθηματικ|διαπιστευτήρι|στοιχεία σύνδεσης|"
        "hesl|přihlašovací|"
        "סיסמ|פרטי התחברות|פרטי כניסה|טוקן|עוגיות|"
        "รหัสผ่าน|ข้อมูลล็อกอิน|โทเค็น|คุกกี้|"
        "رمز عبور|گذرواژه|پسورد|اطلاعات ورود|توکن|کوکی|"
        "পাসওয়ার্ড|লগইন|টোকেন|কুকি|"
        "nenosiri|manenosiri|nywila|maelezo ya kuingia|tokeni|vidakuzi|"
        "облікові дані|логін|кукі|"
        "lösenord|inloggningsuppgift|"
        "password chura"
    ),
    "fake_page": (
        "ψεύτικ|πλαστ|μιμείται|"
        "falešn|podvodn|napodob|"
        "מזויפ|מתחזה|התחזות|פישינג|"
        "ปลอม|เลียนแบบ|ฟิชชิ่ง|"
        "جعلی|تقلبی|فیشینگ|"
        "নকল|ভুয়া|জাল|ফিশিং|"
        "bandia|feki|ya kughushi|inayoiga|"
        "фейков|підробн|"
        "falsk|förfalska|ser ut precis som|"
        "nakli page|fake page"
    ),
    "steal": (
        "κλέβ|κλοπ|κλέψ|υποκλέπ|"
        "krade|ukrad|odcizi|"
        "גונב|לגנוב|גניבת|"
        "ขโมย|ลักลอบ|"
        "سرقت|بدزد|دزدید|می‌دزد|می دزد|"
        "চুরি|হাতিয়ে|"
        "kuiba|inaiba|anaiba|wizi|kuibia|"
        "краде|вкрасти|викрада|крадіжк|"
        "stjäl|stulna|"
        "chura le|chura ke"
    ),
    "self_copy": (
        "αντιγράφει τον εαυτό|εξαπλών|εξαπλω|μολύν|"
        "sám sebe|šíří|šířit|rozšíř|nakaz|infikuj|"
        "מעתיק את עצמו|מתפשט|להתפשט|מדביק|תולע|"
        "คัดลอกตัวเอง|แพร่กระจาย|ติดเชื้อ|เวิร์ม|"
        "خودش را کپی|تکثیر|پخش شود|آلوده|"
        "নিজেকে কপি|ছড়িয়ে|সংক্রমিত|ওয়ার্ম|"
        "kujinakili|inajinakili|kuenea|inaenea|kuambukiza|inaambukiza|"
        "поширю|розповсюдж|копіює себе|заража|інфіку|"
        "kopierar sig själv|sprider sig|sprida sig|infektera|"
        "khud ko copy|fail jaye"
    ),
    "evade_security": (
        "ανίχνευσ|παράκαμψ|παρακάμπτ|συσκότισ|"
        "antivir|detekc|obejít|obchází|zamaskov|"
        "אנטי-וירוס|אנטיוירוס|לעקוף|עקיפת|ערפול|"
        "แอนตี้ไวรัส|แอนติไวรัส|ตรวจจับ|หลบเลี่ยง|"
        "آنتی‌ویروس|آنتی ویروس|شناسایی|دور زدن|دور بزن|"
        "অ্যান্টিভাইরাস|এন্টিভাইরাস|শনাক্ত|ধরা না পড়ে|এড়িয়ে|"
        "kugunduliwa|isigunduliwe|kukwepa|"
        "антивірус|виявлен|обійти|обхід|"
        "upptäck|kringgå|undgå|"
        "pakda na jaye|detect na ho"
    ),
    "logs": (
        "αρχεία καταγραφής|ιστορικ|"
        "logy|záznamy|historii|"
        "לוגים|יומן|היסטורי|"
        "บันทึกเหตุการณ์|ประวัติ|"
        "لاگ‌ها|لاگ ها|فایل لاگ|تاریخچه|"
        "লগ ফাইল|লগগুলো|ইতিহাস|"
        "kumbukumbu|historia|"
        "журнал|логи|історі|"
        "loggar|historik"
    ),
    "disable": (
        "απενεργοποι|"
        "vypn|vypín|deaktiv|"
        "משבית|להשבית|לכבות|מכבה|"
        "ปิดการทำงาน|"
        "غیرفعال|خاموش|"
        "বন্ধ করে|নিষ্ক্রিয়|"
        "kuzima|izime|"
        "вимик|вимкн|"
        "stänga av|stänger av|inaktiver|"
        "band kar"
    ),
    "flood": (
        "πλημμυρ|υπερφόρτ|κατακλύζ|χιλιάδες αιτήματα|να πέσει|"
        "zahlt|zaplav|přetíž|shodit|tisíce požadavků|"
        "הצפה|להציף|מציף|להפיל|אלפי בקשות|"
        "ยิงถล่ม|ถล่ม|ให้ล่ม|คำขอนับพัน|"
        "از کار بینداز|هزاران درخواست|دیداس|"
        "হাজার হাজার অনুরোধ|ডাউন করে|অচল|"
        "maelfu ya maombi|kuangusha|kuiangusha|kufurika|"
        "завалит|перевантаж|покласти|тисячі запитів|"
        "överbelast|sänka sajten|slå ut|tusentals förfrågningar|"
        "down kar do|hazaron request"
    ),
    "spoofed": (
        "πλαστογραφ|διεύθυνση πηγής|"
        "podvrž|zfalš|zdrojovou adres|zdrojová adres|zdrojové ip|"
        "כתובת מקור|"
        "ปลอมแปลง|ไอพีต้นทาง|"
        "جعل|آدرس مبدأ|آی‌پی مبدأ|"
        "সোর্স আইপি|"
        "anwani ya chanzo|"
        "адресу джерела|"
        "källadress"
    ),
    "miner": (
        "εξόρυξ|εξορύσσ|"
        "těžbu|těžbě|těžař|těžit krypt|kryptoměn|"
        "כורה|כריית|לכרות|"
        "ขุดเหรียญ|ขุดคริปโต|คริปโต|"
        "استخراج ارز|رمزارز|ماینر|ماینینگ|"
        "মাইনার|মাইনিং|"
        "kuchimba|uchimbaji|mchimbaji|"
        "криптовалют|майнер|"
        "bryta krypto|kryptovaluta|"
        "mining kar"
    ),
    "hidden_service": (
        "υπηρεσία συστήματος|πειρατικ|"
        "systémov služb|systémovou služb|pirátsk|"
        "שירות מערכת|פיראטי|"
        "บริการระบบ|ละเมิดลิขสิทธิ์|เถื่อน|"
        "سرویس سیستمی|کرک‌شده|کرک شده|"
        "সিস্টেম সার্ভিস|পাইরেটেড|"
        "huduma ya mfumo|"
        "системну служб|піратськ|"
        "systemtjänst|piratkopi"
    ),
    "backdoor": (
        "κερκόπορτα|πίσω πόρτα|κύριο κωδικό|"
        "zadní vrátk|hlavní heslo|"
        "דלת אחורית|סיסמת מאסטר|סיסמה ראשית|"
        "ประตูหลัง|แบ็คดอร์|รหัสผ่านหลัก|"
        "در پشتی|درب پشتی|رمز اصلی|"
        "ব্যাকডোর|পেছনের দরজা|মাস্টার পাসওয়ার্ড|"
        "mlango wa nyuma|nenosiri kuu|"
        "бекдор|чорний хід|майстер-пароль|"
        "bakdörr|huvudlösenord"
    ),
    "camera_mic_location": (
        "κάμερ|μικρόφων|τοποθεσί|"
        "kamer|mikrofon|polohu|poloze|"
        "מצלמ|מיקרופון|מיקום|"
        "กล้อง|ไมโครโฟน|ไมค์|ตำแหน่ง|"
        "دوربین|میکروفون|موقعیت|"
        "ক্যামেরা|মাইক্রোফোন|লোকেশন|অবস্থান|"
        "kamera|maikrofoni|mahali alipo|"
        "камер|мікрофон|геолокац|місцезнаходж|розташуван|"
        "mikrofon|var hon är|var han är|"
        "location bhej|uski location"
    ),
    "send_away": (
        "στέλν|αποστολ|ανεβάζ|ανέβασ|στείλ|"
        "posíl|pošle|odešl|odesí|nahraj|nahrá|"
        "שולח|לשלוח|ישלח|להעלות|"
        "ส่งไป|ส่งให้|ส่งข้อมูล|อัปโหลด|"
        "ارسال|بفرست|می‌فرست|می فرست|آپلود|"
        "পাঠা|আপলোড|"
        "kutuma|inatuma|itume|pakia|"
        "надсила|відправл|вивантаж|"
        "skickar|skicka|laddar upp|ladda upp|"
        "bhej de|bhejo|bhejta|bhejti"
    ),
    "others": (
        "θύμα|συνάδελφ|σύζυγ|γυναίκα μου|κοπέλα μου|πρώην|γείτον|συγκάτοικ|αφεντικ|προϊστάμεν|συμμαθητ|κάποιου|"
        "oběť|kolegy|kolegu|manželk|přítelkyn|bývalé|bývalý|soused|spolubydl|šéf|spolužák|někoho|cizí|"
        "קורבן|עמית|אשתי|חברה שלי|האקס|לשעבר|השכן|השכנה|שכנים|שותף לדירה|הבוס|חבר לכיתה|של מישהו|"
        "เหยื่อ|เพื่อนร่วมงาน|ภรรยา|แฟนเก่า|แฟนผม|แฟนฉัน|เพื่อนบ้าน|รูมเมท|เจ้านาย|เพื่อนร่วมชั้น|คนอื่น|"
        "قربانی|همکار|همسرم|دوست دخترم|سابقم|همسایه|هم‌خانه|هم خانه|رئیس|همکلاسی|کس دیگری|دیگران|"
        "ভুক্তভোগী|সহকর্মী|স্ত্রী|বান্ধবী|প্রাক্তন|প্রতিবেশী|রুমমেট|বসের|সহপাঠী|অন্যের|অন্য কারো|"
        "mwathirika|mwenzangu|mke wangu|mpenzi wangu|wa zamani|jirani|bosi|mtu mwingine|watu wengine|"
        "жертв|колег|дружин|дівчин|колишн|сусід|начальник|однокласник|чуж|когось|"
        "offret|kollega|min fru|flickvän|pojkvän|mitt ex|granne|rumskamrat|klasskamrat|någon annans|andras|"
        "meri ex|girlfriend ke|boss ke|padosi"
    ),
    "own": (
        "δικό μου|δική μου|δικά μου|δικούς μου|δικό μας|δική μας|δικά μας|εταιρεία μας|"
        "můj vlastní|moje vlastní|mých vlastních|vlastní|naše firma|naší firm|našich server|"
        "שלי|שלנו|החברה שלנו|"
        "ของฉันเอง|ของผมเอง|ของตัวเอง|ของเราเอง|บริษัทเรา|"
        "خودم|مال خودم|خودمان|شرکت ما|سرورهای ما|"
        "আমার নিজের|নিজের|আমাদের নিজস্ব|আমাদের কোম্পানি|"
        "yangu mwenyewe|wangu mwenyewe|mwenyewe|kampuni yetu|seva zetu|"
        "мій власний|моє власне|мої власні|власн|нашої компанії|"
        "min egen|mitt eget|mina egna|vårt eget|vår egen|vårt företag|våra servrar|"
        "mera apna|meri apni|hamari company"
    ),
    "mass_scope": (
        "όλα τα|όλους|όλες τις|κάθε|"
        "všechny|všech|každý|každou|celý|"
        "כל ה|כולם|"
        "ทั้งหมด|ทุกไฟล์|ทุกเครื่อง|ทุกคน|"
        "همه|تمام|"
        "সব |সমস্ত|প্রতিটি|"
        "zote|yote|kila|"
        "всі|усі|кожн|"
        "alla filer|alla datorer|alla använd|varje|hela|"
        "saari|sabhi"
    ),
    "stealth": (
        "κρυφά|κρυφ|αθόρυβα|χωρίς να το καταλάβ|χωρίς να ξέρ|μυστικά|κρυμμέν|"
        "tajně|potají|skrytě|nenápadně|aniž by|bez jeho vědomí|bez jejího vědomí|skryt|"
        "בסתר|בשקט|בלי שהוא ידע|בלי שהיא תדע|בלי שידע|בלי שתדע|מוסתר|נסתר|בחשאי|מבלי ש|"
        "แอบ|อย่างลับๆ|ลับๆ|โดยไม่ให้|ไม่ให้รู้|เงียบๆ|ซ่อน|"
        "مخفیانه|پنهانی|بی‌صدا|بی صدا|بدون اینکه بفهمد|بی‌آنکه|مخفی|"
        "গোপনে|চুপিচুপি|না জানিয়ে|লুকিয়ে|টের না পায়|জানতে না পারে|"
        "kwa siri|kimya kimya|bila yeye kujua|bila kujua|bila kugundua|iliyofichwa|"
        "таємно|непомітно|приховано|без її відома|без його відома|щоб не помітив|щоб вона не знала|прихован|"
        "i hemlighet|obemärkt|utan att hon|utan att han|utan att de|dold|gömd|"
        "bina bataye|chupke se|chupchap|pata na chale|pata nahi chale"
    ),
    "defence": (
        "ανιχνεύ|προστασ|προστατ|άμυν|μετριασ|θωράκισ|"
        "detekuj|odhal|ochran|chrán|zabráni|zabezpeč|"
        "לזהות|הגנה|להגן|למנוע|הקשחה|"
        "ป้องกัน|ปกป้อง|รับมือ|"
        "محافظت|دفاع|جلوگیری|مقاوم‌سازی|"
        "সুরক্ষা|রক্ষা|প্রতিরোধ|"
        "kugundua|kulinda|ulinzi|kuzuia|"
        "виявля|захист|запобіг|"
        "skydd|förhindr|försvar|härdning|"
        "bachav|suraksha"
    ),
    "explain": (
        "εξήγησ|εξήγη|εξηγ|πώς λειτουργ|μάθημα|"
        "vysvětl|jak funguje|přednášk|"
        "הסבר|תסביר|להסביר|איך עובד|שיעור|"
        "อธิบาย|ทำงานอย่างไร|หลักการ|"
        "توضیح|چطور کار می|چگونه کار می|"
        "ব্যাখ্যা|বুঝিয়ে|কীভাবে কাজ করে|"
        "eleza|kueleza|inavyofanya kazi|"
        "поясн|як працює|"
        "förklara|hur fungerar|lektion|"
        "samjhao|kaise kaam karta"
    ),
    "consent": (
        "συγκατάθεσ|με άδεια|την άδεια|άδεια από|άδειά τους|εγκεκριμέν|εξουσιοδοτ|ενημερωμέν|ειδοποίησ|"
        "souhlas|povolení|schválen|autoriz|oznámen|upozorn|"
        "הסכמ|אישור|מאושר|הרשאה|מורשה|"
        "ยินยอม|อนุญาต|ได้รับอนุมัติ|แจ้งให้ทราบ|"
        "رضایت|اجازه|مجوز|تأیید شده|تایید شده|"
        "সম্মতি|অনুমতি|অনুমোদিত|"
        "ridhaa|idhini|ruhusa|imeidhinishwa|kibali|"
        "згод|дозвол|погоджен|повідомлен|"
        "samtycke|tillstånd|godkänd|godkänt|behörig|informerad|"
        "permission li|ijazat"
    ),
    "test_env": (
        "δοκιμαστικ|εργαστήρι|"
        "testovací|laboratoř|"
        "סביבת בדיקה|מעבדה|"
        "สภาพแวดล้อมทดสอบ|แล็บ|"
        "محیط آزمایشی|آزمایشگاه|"
        "পরীক্ষামূলক|ল্যাব|"
        "mazingira ya majaribio|maabara|"
        "тестов|лаборатор|"
        "testmiljö|labb"
    ),
    "malware_noun": (
        "κακόβουλ|δούρειο|"
        "škodliv|trojsk|"
        "נוזקה|נוזקת|סוס טרויאני|זדוני|"
        "มัลแวร์|โทรจัน|ประสงค์ร้าย|"
        "بدافزار|تروجان|"
        "ম্যালওয়্যার|ট্রোজান|ক্ষতিকর|"
        "programu hasidi|"
        "шкідлив|троян|"
        "skadlig kod|skadeprogram|"
        "virus banao"
    ),
    "no_code": (
        "χωρίς κώδικα|δεν χρειάζομαι κώδικα|όχι κώδικα|"
        "bez kódu|kód nepotřebuji|nechci kód|"
        "בלי קוד|ללא קוד|לא צריך קוד|"
        "ไม่ต้องมีโค้ด|ไม่ต้องเขียนโค้ด|ไม่เอาโค้ด|ไม่ต้องการโค้ด|"
        "بدون کد|کد نمی‌خواهم|کد نمی خواهم|نیازی به کد نیست|"
        "কোড লাগবে না|কোড ছাড়া|কোড চাই না|"
        "bila msimbo|sihitaji msimbo|hakuna msimbo|"
        "без коду|код не потрібен|"
        "ingen kod|utan kod|"
        "code nahi chahiye|bina code"
    ),
    "defensive_work": (
        "κανόνα ανίχνευσης|απόκριση σε περιστατικ|περιστατικ|επαναφορ|καραντίν|ευαισθητοποίησ|έλεγχο ασφαλείας|"
        "detekční pravid|incident|obnov|karantén|školení|"
        "כלל זיהוי|התראה|תגובה לאירוע|אירוע אבטחה|שחזור|הסגר|מודעות|"
        "กฎตรวจจับ|แจ้งเตือน|ตอบสนองเหตุการณ์|กู้คืน|กักกัน|ความตระหนัก|"
        "قانون شناسایی|هشدار|پاسخ به حادثه|بازیابی|قرنطینه|آگاهی‌رسانی|"
        "সতর্কবার্তা|অ্যালার্ট|ঘটনা মোকাবিলা|পুনরুদ্ধার|সচেতনতা|"
        "tahadhari|arifa|kukabiliana na tukio|kurejesha|karantini|uhamasishaji|"
        "правило виявлення|сповіщен|реагуван|інцидент|відновлен|карантин|"
        "detektionsregel|larm|incidenthantering|återställ|karantän|medvetenhet"
    ),
    "question": (
        "πώς μπορώ|πώς να|τι είναι|πρέπει να|"
        "jak mohu|jak můžu|jak nastavit|co je|je možné|"
        "איך אני|איך אפשר|מה זה|האם|כיצד|"
        "ทำอย่างไร|ได้อย่างไร|อย่างไร|คืออะไร|"
        "چطور|چگونه|آیا|چیست|"
        "কীভাবে|কিভাবে|"
        "jinsi gani|namna gani|vipi|"
        "як мені|як можна|як налаштувати|"
        "hur kan jag|hur gör jag|vad är|ska jag|"
        "kaise kar|kya main"
    ),
    "unauthorised": (
        "χωρίς άδεια|χωρίς την άδεια|χωρίς συγκατάθεσ|χωρίς να το ξέρ|εκδίκησ|"
        "bez povolení|bez souhlasu|bez svolení|bez vědomí|pomst|"
        "בלי רשות|ללא רשות|ללא הרשאה|בלי הסכמה|ללא הסכמה|נקמה|לנקום|"
        "โดยไม่ได้รับอนุญาต|ไม่ได้รับอนุญาต|โดยไม่ขออนุญาต|แก้แค้น|"
        "بدون اجازه|بدون رضایت|بدون مجوز|انتقام|"
        "অনুমতি ছাড়া|অনুমতি না নিয়ে|সম্মতি ছাড়া|প্রতিশোধ|"
        "bila ruhusa|bila idhini|bila ridhaa|kulipiza kisasi|"
        "без дозволу|без згоди|помст|"
        "utan tillstånd|utan samtycke|utan lov|hämnd|"
        "bina permission|badla lena"
    ),
    "persistence": (
        "κατά την εκκίνησ|στην εκκίνησ|αυτόματη εκκίνησ|"
        "při startu|po spuštění|automatické spuštění|po restartu|"
        "בהפעלה|באתחול|עם עליית המערכת|"
        "ตอนเปิดเครื่อง|เมื่อเปิดเครื่อง|เริ่มอัตโนมัติ|"
        "هنگام راه‌اندازی|با روشن شدن|اجرای خودکار|"
        "স্টার্টআপ|চালু হলেই|চালু হওয়ার সময়|"
        "inapowashwa|wakati wa kuwasha|"
        "автозавантаж|під час запуску|"
        "vid uppstart|vid start|autostart"
    ),
    "fiction": (
        "μυθιστόρημα|ιστορία μου|ρόλο|χαρακτήρα|"
        "román|příběh|postavy|postavou|hlavní postav|hraj roli|"
        "רומן|סיפור|דמות|משחק תפקידים|"
        "นิยาย|เรื่องสั้น|ตัวละคร|สวมบทบาท|"
        "رمان|داستان|شخصیت|نقش|"
        "উপন্যাস|গল্প|চরিত্র|"
        "riwaya|hadithi|mhusika|igiza|"
        "роман|персонаж|"
        "min roman|romanen|berättelse|karaktär|rollspel"
    ),
    "full_code": (
        "πλήρη κώδικα|ολόκληρο τον κώδικα|κώδικα που δουλεύει|λειτουργικό κώδικα|"
        "celý kód|kompletní kód|funkční kód|"
        "קוד מלא|הקוד המלא|קוד שעובד|"
        "โค้ดเต็ม|โค้ดทั้งหมด|โค้ดที่ใช้งานได้|โค้ดที่รันได้|"
        "کد کامل|کد قابل اجرا|"
        "পুরো কোড|সম্পূর্ণ কোড|"
        "msimbo kamili|msimbo wote|msimbo unaofanya kazi|"
        "повний код|робочий код|"
        "komplett kod|hela koden|fungerande kod|"
        "pura code|full code de"
    ),
    "brute_force": (
        "ωμής βίας|μαντεύ|"
        "hrubou silou|hádá|"
        "כוח גס|ניחוש|לנחש|"
        "เดารหัส|บรูทฟอร์ซ|"
        "حدس|بروت فورس|"
        "অনুমান করে|ব্রুট ফোর্স|"
        "kukisia|"
        "підбір пароля|перебір|"
        "gissa lösenord|gissar"
    ),
    "takeover": (
        "κατάληψη λογαριασμού|πάρω τον έλεγχο|χακάρ|παραβιάσ|"
        "převzít účet|ovládnout|hacknout|nabourat|prolomit|"
        "להשתלט|השתלטות|לפרוץ|פריצה|"
        "ยึดบัญชี|เจาะบัญชี|แฮ็ก|แฮก|"
        "هک|تصاحب|نفوذ به حساب|"
        "হ্যাক|দখল|"
        "kuteka|kudukua|"
        "зламати|злам|захопити|"
        "kapa kontot|kapa konto|ta över kontot|hacka|"
        "hack kar"
    ),
    "local_only": (
        "μόνο τοπικά|μένει στη συσκευή|δεν στέλνει|"
        "jen v zařízení|jen lokálně|nic neposílá|"
        "רק במכשיר|לא שולח|מקומית בלבד|"
        "เฉพาะในเครื่อง|ไม่ส่งออก|"
        "فقط روی دستگاه|چیزی ارسال نمی|"
        "শুধু ডিভাইসে|কিছু পাঠায় না|"
        "kwenye kifaa tu|haitumi|"
        "лише на пристрої|нічого не надсила|"
        "bara på enheten|skickar inget"
    ),
    "limited": (
        "μία φορά την ημέρα|το πολύ|σύνοψη|"
        "jednou denně|nejvýše|maximálně|souhrn|"
        "פעם ביום|לכל היותר|סיכום|"
        "วันละครั้ง|สูงสุด|สรุป|"
        "روزی یک بار|حداکثر|خلاصه|"
        "দিনে একবার|সর্বোচ্চ|সারাংশ|"
        "mara moja kwa siku|muhtasari|"
        "раз на день|не більше|підсумок|"
        "en gång om dagen|högst|sammanfattning"
    ),
}

# Two harms of the second independent set that the twelve categories did not name: automated fraud (fake
# accounts, reviews, clicks or orders; checking stolen cards) and doxxing (linking a person's identity, address or
# identity numbers from scraped or leaked data). Their vocabulary in every language of the lexicon.
NEW_CONCEPTS = {
    "fraud": (
        "fake accounts|fake reviews|fake orders|fake buyers|fake identities|fictitious identities|click fraud|ad fraud|"
        "card numbers|stolen cards|carding|cvv|combo list|chargeback|refund scam|fraud|scam|"
        "cuentas falsas|reseñas falsas|tarjetas robadas|fraude|estafa|faux comptes|faux avis|cartes volées|arnaque|"
        "gefälschte konten|fake-konten|gefälschte bewertungen|betrug|contas falsas|avaliações falsas|cartões roubados|golpe|"
        "account falsi|recensioni false|carte rubate|truffa|фейковые аккаунты|фальшивые отзывы|ворованные карты|мошенн|"
        "假账号|虚假账号|刷单|刷好评|虚假评论|盗刷|诈骗|偽アカウント|サクラ|偽レビュー|詐欺|가짜 계정|가짜 리뷰|사기|"
        "fałszywe konta|fałszywe opinie|oszust|sahte hesap|sahte yorum|dolandır|nepaccounts|neprecensies|oplichting|"
        "حسابات وهمية|مراجعات مزيفة|احتيال|फर्जी अकाउंट|नकली रिव्यू|धोखाधड़ी|tài khoản giả|đánh giá giả|lừa đảo|"
        "akun palsu|ulasan palsu|penipuan|"
        "ψεύτικους λογαριασμούς|ψεύτικες κριτικές|απάτη|falešné účty|falešné recenze|podvod|חשבונות מזויפים|"
        "ביקורות מזויפות|הונאה|บัญชีปลอม|รีวิวปลอม|ฉ้อโกง|หลอกลวง|حساب‌های جعلی|حساب های جعلی|نظرات جعلی|کلاهبرداری|"
        "ভুয়া অ্যাকাউন্ট|ভুয়া রিভিউ|প্রতারণা|akaunti bandia|maoni bandia|ulaghai|udanganyifu|фейкові акаунти|"
        "фальшиві відгуки|шахрай|falska konton|falska recensioner|bedrägeri"
    ),
    "personal_data": (
        "home address|real name|where she lives|where he lives|social security number|ssn|national id|passport number|"
        "phone numbers of|leaked database|data breach dump|doxx|dox |people search|"
        "dirección de su casa|nombre real|dónde vive|dni|adresse personnelle|vrai nom|où elle habite|où il habite|"
        "numéro de sécurité sociale|wohnadresse|echten namen|wo sie wohnt|wo er wohnt|personalausweis|endereço residencial|"
        "nome verdadeiro|onde ela mora|onde ele mora|cpf|indirizzo di casa|vero nome|dove abita|codice fiscale|домашний адрес|"
        "настоящее имя|где она живёт|где он живёт|паспортные данные|家庭住址|真实姓名|住在哪|身份证号|自宅の住所|本名|"
        "住んでいる場所|マイナンバー|집 주소|실명|어디 사는지|주민등록번호|adres domowy|prawdziwe imię|gdzie mieszka|pesel|"
        "ev adresi|gerçek adı|nerede oturduğunu|tc kimlik|huisadres|echte naam|waar ze woont|bsn|عنوان منزل|الاسم الحقيقي|"
        "أين تسكن|رقم الهوية|घर का पता|असली नाम|कहाँ रहती|आधार|địa chỉ nhà|tên thật|sống ở đâu|số cccd|alamat rumah|"
        "nama asli|tinggal di mana|nik|"
        "διεύθυνση σπιτιού|πραγματικό όνομα|πού μένει|αριθμό ταυτότητας|adresu bydliště|skutečné jméno|kde bydlí|rodné číslo|"
        "כתובת מגורים|שם אמיתי|איפה היא גרה|איפה הוא גר|מספר תעודת זהות|ที่อยู่บ้าน|ชื่อจริง|อยู่ที่ไหน|เลขบัตรประชาชน|"
        "آدرس خانه|نام واقعی|کجا زندگی|کد ملی|বাসার ঠিকানা|আসল নাম|কোথায় থাকে|জাতীয় পরিচয়পত্র|anwani ya nyumbani|"
        "jina halisi|anapoishi|namba ya kitambulisho|домашню адресу|справжнє ім|де вона живе|де він живе|номер паспорта|"
        "hemadress|riktiga namn|var hon bor|var han bor|personnummer"
    ),
}
