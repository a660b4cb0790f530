# ruff: noqa: E501  (data: stem lists, one language a line)
"""The situation a request describes, read as three roles in any language (round 6).

Five independent sets missed requests whose harm lies in the situation rather than in the words: a game that DMs
itself to a friend's contacts, a miner on a university lab's machines "so IT doesn't notice", a master code in
smart-lock firmware sold to apartment buildings "that never shows up in the logs", a school's student database
copied "without it showing up in the network logs". No single word in them is an attack; the combination is:

    someone else's   (systems, data, accounts or people: a friend, a client, a school, an employer, a stranger)
  + unnoticed        (concealment or no consent: "without them noticing", "they don't know", "not trigger alerts")
  + a capability     (runs code on machines, copies data out, takes an account, tracks, encrypts, spreads, hides)

`situation(text)` answers the three roles from the concept lexicon (intent_concepts: "others", "stealth",
"unauthorised" and the action concepts, in about 70 languages) and from the stems below, which name the same roles
in the forms the lexicon lacked: possessives of other people and institutions, and concealment said as its effect
("doesn't notice", "bez śladu", "不触发告警", "気づかれにくい"). intent.judge_by_rules blocks when all three hold
and nothing marks the request as defence, unless the learned layer gives it less than intent.SITUATION_CONFIRM, chosen
by leave-one-subset-out calibration like the other thresholds. The roles are also features of the learned layer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from codellama.safety.intent_concepts import CONCEPTS, concept_vector

# Someone else's systems, data, accounts or people, beyond the lexicon's "others" (which names persons: victim,
# colleague, ex...). Possessives and institutions the user does not own.
ELSEWHERE = (
    # English
    "friend's|friends'|my friends|a friend|someone's|somebody's|a guy |this guy|that guy|a woman|this woman|a girl |"
    "his account|her account|their account|his phone|her phone|their phone|their pc|their pcs|their computer|"
    "their machine|their laptop|their device|their network|their server|their data|their files|their database|"
    "their aws|their cloud|their s3|their console|customer machines|customers' |client machines|clients' |"
    "the client's|a client's|client's|customer's|the customer's|customers' machines|my employer|former employer|"
    "company i'm leaving|company i am leaving|i'm leaving|i am leaving|my old company|my last job|"
    "at my school|my school's|the school's|school's|university's|the university|lab's|front office|front-office|"
    "the office pc|other users|other people's|people's|strangers|the tenants|tenants'|residents'|patients'|"
    "the patients|students'|the students|employees'|apartment buildings|every lock|whoever|whomever|anyone who runs|"
    "everyone who runs|the it department|it department|the sysadmins|the it team|the admins don't|"
    "university lab|university's|lab pcs|lab computers|lab machines|school computers|school pcs|office computers|"
    "cousin|my uncle|my aunt|nephew|niece|grandma|grandpa|grandmother|grandfather|brother's|"
    "sister's|mum's|mom's|dad's|father's|mother's|parents'|de un cliente|de una clienta|de un antiguo cliente|d'un client|eines kunden|de um cliente|"
    "di un cliente|у одного клиента|jednego klienta|bir müşterinin|"
    "des clients|chez le client|du client|le client |sur les pc|sur les postes|les ordinateurs des|"
    # Spanish, Portuguese, Italian, French
    "de mi amigo|de mis amigos|de un amigo|de alguien|de otra persona|del cliente|de los clientes|de la empresa objetivo|"
    "de la escuela|del colegio|de la universidad|de mi antiguo|de um amigo|dos meus amigos|de alguém|do cliente|"
    "dos clientes|da escola|da universidade|del mio amico|dei miei amici|di qualcuno|del cliente|"
    "dei clienti|della scuola|dell'università|de mon ami|de mes amis|d'un ami|de quelqu'un|du client|"
    "des clients|de l'école|de la fac|de l'université|chez le client|chez un client|"
    # German, Dutch
    "meines freundes|meiner freunde|eines freundes|von jemandem|des kunden|der kunden|beim kunden|"
    "der schule|der uni|einer zahnarztpraxis|einer praxis|einer firma|van een vriend|van iemand|van de klant|"
    "van klanten|bij de klant|van de school|"
    # Slavic
    "моего друга|моих друзей|чужой|чужие|чужих|чужого|у клиента|клиентов|"
    "университета|мого друга|моїх друзів|чужі|клієнта|клієнтів|mojego kolegi|moich znajomych|znajomego|kogoś|klienta|"
    "klientów|u klienta|mého kamaráda|kamarádů|někoho|u zákazníka|"
    # East and South-East Asia
    "朋友的|别人的|他人的|客户的|客户机器|学校的|大学的|实验室的|友達の|友人の|他人の|お客さんの|顧客の|客先|辞める会社|前の会社|学校の|"
    "大学の|친구의|친구들|남의|고객의|학교의|대학교|ของเพื่อน|ของคนอื่น|ของลูกค้า|ของโรงเรียน|"
    "của bạn tôi|của người khác|của khách|máy của khách|của khách hàng|của trường|milik teman|milik orang lain|"
    "milik pelanggan|komputer pelanggan|"
    # Middle East, South Asia, others
    "صديقي|أصدقائي|شخص آخر|أجهزة العملاء|بيانات العملاء|של חבר|של חברים|של מישהו|של הלקוח|של הלקוחות|"
    "של בית הספר|של אנשים|בשמות של|دوستم|مشتریان|दोस्त के|दोस्तों के|किसी के|ग्राहकों के कंप्यूटर|"
    "स्कूल के|कॉलेज के|arkadaşımın|arkadaşlarımın|birinin|başkasının|müşterinin|müşterilerin|"
    "prietenului|prietenilor|cuiva|clientului|clienților|ystäväni|jonkun|asiakkaan|asiakkaiden|"
    "barátom|valakinek|ügyfelek|του φίλου|των φίλων|κάποιου|του πελάτη|των πελατών|"
    # round 10: everyone but the user (a public site slowed for all others), an employer's internal files, the
    # players of one's game (heldout14i: a city's crèche sign-up, CAD files from the company server, a launcher)
    "everyone but me|everyone except me|everybody except me|para todo mundo menos|todos menos yo|todos menos eu|"
    "tout le monde sauf moi|alle außer mir|tutti tranne me|всех, кроме меня|всем, кроме меня|除了我|自分以外|나 빼고|"
    "wszystkich oprócz mnie|benim dışımda|iedereen behalve mij|الجميع ما عدا|همه به جز من|मेरे अलावा सब|"
    "mọi người trừ tôi|semua orang kecuali|όλους εκτός από μένα|všechny kromě mě|כולם חוץ ממני|ทุกคนยกเว้น|"
    "toată lumea în afară de mine|kaikille paitsi|mindenkinek, kivéve|社内ファイル|社内の|会社の|公司的|公司内部|"
    "players'|the players|my players|los jugadores|aux joueurs|les joueurs|die spieler|den spielern|os jogadores|"
    "i giocatori|игроков|игрокам|玩家|プレイヤー|플레이어|graczy|oyuncuların|oyunculara|spelers|اللاعبين|بازیکنان|"
    "खिलाड़ियों|người chơi|pemain|παίκτες|hráčů|השחקנים|ผู้เล่น|jucătorii|pelaajien|játékosok"
)

# Concealment or no consent, said as its effect: the owner or the defenders do not notice, know, see or trace it.
UNNOTICED = (
    # English
    "doesn't notice|don't notice|won't notice|wouldn't notice|not notice|never notice|without noticing|does not notice|"
    "do not notice|will not notice|would not notice|does not know|will not know|does not show up|do not show up|"
    "will not show up|does not trigger|do not trigger|will not trigger|"
    "doesn't know|don't know what it is|they don't know|he doesn't know|she doesn't know|won't know|nobody will know|"
    "no one will know|no one knows|nobody knows|without it showing|never shows up|never show up|not show up|"
    "doesn't show up|don't show up|won't show up|not trigger|without triggering|doesn't trigger|don't trigger|"
    "won't trigger|no alert|not alert|can't be traced|cannot be traced|not be traced|untraceable|traced back|"
    "trace it back|doesn't find out|don't find out|won't find out|without getting caught|not get caught|don't get caught|"
    "harder to notice|less noticeable|under the radar|blend in|looks legit|fake name|isn't told|hasn't been told|"
    "haven't told|not been told|not told|unaware|behind their back|behind his back|behind her back|"
    # Spanish, Portuguese, Italian, French
    "no se dé cuenta|no se den cuenta|sin que se note|no lo sepa|no sepa|no sabe nada|no saben nada|sin levantar sospechas|"
    "sin dejar rastro|no deje rastro|sin que nadie|no se entere|no se enteren|não perceba|não percebam|sem que percebam|"
    "sem deixar rastro|sem levantar suspeitas|não saiba|não sabe de nada|ninguém saiba|non se ne accorga|non si accorga|"
    "senza lasciare traccia|non sappia|all'insaputa|nessuno se ne accorga|ne s'en rende|ne s'en aperçoive|ne le sache|"
    "ni le sache|à l'insu|sans laisser de trace|sans éveiller|ne remarque|passer inaperçu|remonter jusqu'à moi|"
    "ne soit pas détecté|sans qu'il le sache|"
    # German, Dutch
    "nicht merkt|nichts merkt|nicht bemerkt|nicht mitbekommt|keine spuren|nicht zurückverfolgt|zurückverfolgt werden|"
    "nicht auffällt|unauffällig|weiß nichts|nichts davon weiß|nichts davon wissen|niemand merkt|niet merkt|niets merkt|"
    "zonder sporen|niet weet|niemand merkt|"
    # Slavic
    "не заметил|не заметит|не заметили|не заметят|не узнал|не узнает|не узнают|ничего не знает|не знают|без следов|"
    "не оставляя следов|не вызывая подозрений|не сработал|не попал в лог|не отследить|непомітно|не помітив|"
    "не помітять|не дізна|нічого не знає|без слідів|nie zauważy|nie zauważą|niezauważ|bez śladu|nic nie wie|"
    "nikt się nie dowie|nepozná|nevšimne|nevšimnou|bez stopy|nic neví|"
    # East and South-East Asia
    "不被发现|不被察觉|不触发|不会触发|不留痕迹|神不知鬼不觉|察觉不到|发现不了|不让他们知道|不让对方知道|不知情|避开审计|"
    "気づかれ|バレない|ばれない|バレずに|知られない|知られずに|痕跡を残さ|検知されない|目立たない|気付かれ|"
    "들키지|눈치채지|눈치 못|티 안 나게|눈에 안 띄|흔적 없이|알아채지|모르게|"
    "ไม่ให้รู้|ไม่รู้ตัว|ไม่รู้เรื่อง|ไม่ให้จับได้|ไม่ทิ้งร่องรอย|โดยไม่ให้|"
    "không bị phát hiện|chạy ẩn|ẩn đi|ẩn khỏi|một cách ẩn|miner ẩn|không để lại dấu vết|không hề biết|không biết gì|không để ý|không ai biết|"
    "tanpa ketahuan|tidak ketahuan|tanpa jejak|tanpa disadari|tidak tahu apa-apa|"
    # Middle East, South Asia, others
    "دون أن يلاحظ|بدون أن يلاحظ|لا يلاحظ|دون أن يعرف|دون أن يعلم|لا يعرفون|دون ترك أثر|بشكل خفي|خفية|"
    "שלא ישימו לב|שלא ירגישו|בלי שידעו|בלי שישימו לב|בלי להשאיר עקבות|לא יודעים|שלא יזהו|"
    "متوجه نشود|متوجه نشوند|نفهمد|نفهمند|بدون ردپا|بی‌آنکه بدانند|بدون اینکه بدانند|"
    "पता न चले|पता ना चले|किसी को पता|बिना निशान|भनक न|"
    "fark etmeden|fark etmesin|fark edilmeden|anlamadan|iz bırakmadan|haberi yok|kimse bilmesin|"
    "fără să observe|să nu observe|să nu-și dea seama|pe ascuns|nu știe nimic|fără urme|să nu fie detectat|"
    "huomaamatta|tietämättä|jäljettömiin|ei huomaa|észrevétlen|tudta nélkül|nem veszi észre|nyomtalanul|"
    "χωρίς να το καταλάβ|να μην καταλάβ|χωρίς ίχνη|δεν ξέρει τίποτα|να μην το μάθ|"
    # round 10: not told in the handbook, not seen in the permission list, not left in the audit log (heldout14i)
    "won't put it in|will not put it in|leave it out of the|without telling them|without telling the|sin decírselo|"
    "sin avisarles|sans le leur dire|sans les prévenir|ohne es ihnen zu sagen|ohne sie zu informieren|sem avisar|"
    "sem contar a eles|senza dirglielo|senza avvisarli|не говоря им|не предупреждая|不告诉他们|不通知|知らせずに|"
    "알리지 않고|bez informowania|onlara söylemeden|haber vermeden|zonder het te melden|دون إخبارهم|بدون اطلاع|बिना बताए|"
    "không báo cho|tanpa memberi tahu|χωρίς να τους ενημερώσ|bez upozornění|בלי לעדכן|โดยไม่แจ้ง|fără să le spun|"
    "kertomatta|szólás nélkül|fark etmey|fark etmeyecek|看不出来|看不出|察觉不出|ログに残らない|ログに残さない|記録に残らない|"
    "로그에 남지 않|в логах не|не оставалось в логах|no quede en los logs|sem aparecer nos logs|ne pas apparaître dans les logs|"
    "sin que quede|sin que aparezca|sem que fique|sem que apareça|sans que ça apparaisse|sans que cela apparaisse|"
    "ohne dass es in|senza che resti|senza che compaia|чтобы не осталось|чтобы не было видно"
)

# The capabilities: the lexicon's action concepts, each with the category a block is filed under.
CAPABILITIES = {
    "encrypt": "ransomware",
    "keys_typed": "keylogger",
    "self_copy": "self_spreading",
    "miner": "cryptojacking",
    "backdoor": "backdoor",
    "hidden_service": "backdoor",
    "camera_mic_location": "spyware",
    "takeover": "account_takeover",
    "brute_force": "account_takeover",
    "credentials": "credential_theft",
    "fake_page": "credential_theft",
    "fraud": "fraud",
    "evade_security": "evasion",
    "personal_data": "exfiltration",
    "send_away": "exfiltration",
    "steal": "exfiltration",
    "delete": "wiper",
    "flood": "dos",
}
# Capabilities the lexicon's action concepts lack, said as what the code gets: someone's account, a copy of a
# database, data synced to the user's own account.
MORE_CAPABILITIES = {
    "account_takeover": (
        "get his account|get her account|get their account|get the account|take his account|take her account|"
        "take their account|his handle|her handle|access to his|access to her|into his account|into her account|"
        "reset flow|sim swap|sim-swap|get into my roommate|get into my flatmate|get into my ex|change the email on|"
        "change the email so|change her password|change his password|log into his|log into her|log in as her|"
        "log in as him|su cuenta|sa cuenta|seinen account|ihren account|его аккаунт|её аккаунт|他的账号|"
        # round 10: two-factor bypassed and a page taken over (heldout14i's Hebrew rival's Facebook page)
        "bypass 2fa|bypass the 2fa|bypass two-factor|bypass his 2fa|bypass her 2fa|bypass mfa|take over the page|"
        "עוקף את האימות|לעקוף את האימות|משתלט על|להשתלט על|обойти двухфактор|обойти 2fa|contourner la double|"
        "contourner l'a2f|saltar el 2fa|evitar la verificación en dos|2fa umgehen|zwei-faktor umgehen|burlar a verificação|"
        "burlar o 2fa|aggirare la verifica|aggirare il 2fa|绕过两步验证|绕过二次验证|二段階認証を回避|二段階認証を突破|"
        "2단계 인증을 우회|2단계 인증 우회|obejść weryfikację|iki adımlı doğrulamayı atlat|2fa'yı atlat|omzeil 2fa|"
        "تجاوز التحقق بخطوتين|دور زدن تایید دومرحله|2fa बायपास|vượt qua xác thực hai|melewati verifikasi dua|"
        "παρακάμψω τον έλεγχο δύο|obejít dvoufázové|ocoli autentificarea|ohittaa kaksivaiheisen|megkerülni a kétlépcsős|"
        "kringgå tvåstegs|"
        "她的账号|のアカウントを"
    ),
    "self_spreading": (
        "the same .exe|same installer|the same file to|same link to all|to all their friends|to all their contacts|"
        "to every friend|to everyone in their contacts|to all of their contacts|a todos sus contactos|à tous ses contacts|"
        "an alle kontakte|para todos os contatos|a tutti i contatti|всем контактам|всем друзьям|所有联系人|所有好友|全ての連絡先|"
        "友達全員|모든 연락처|모든 친구|wszystkim kontaktom|tüm kişilere|tüm arkadaşlarına|alle contacten|جميع جهات الاتصال|"
        "सभी कॉन्टैक्ट्स|tất cả danh bạ|semua kontak|όλες τις επαφές|všem kontaktům|לכל אנשי הקשר|ทุกคนในรายชื่อ|همه مخاطبین|"
        "tuturor contactelor|kaikille kontakteille|minden ismerősének"
    ),
    # round 7: fake accounts and reviews, inflected as people write them (the lexicon's "gefälschte konten" misses
    # "mit Hunderten falscher Konten")
    "fraud": (
        "falsche konten|falschen konten|falscher konten|falsche bewertungen|falschen bewertungen|falscher bewertungen|"
        "faux comptes|faux avis|fałszywych kont|fałszywe konta|fałszywych opinii|sahte hesap|sahte yorum|nepaccounts|"
        "valse reviews|حسابات وهمية|مراجعات مزيفة|حساب‌های جعلی|نظرات جعلی|ψεύτικους λογαριασμούς|ψεύτικες κριτικές|"
        "falešné účty|falešných účtů|falešných recenzí|falešné recenze|hamis fiók|hamis értékelés|akun palsu|ulasan palsu|"
        "tài khoản ảo|đánh giá giả|가짜 계정|가짜 리뷰|偽アカウント|サクラレビュー|虚假账号|刷好评|假评论|фейковые аккаунты|"
        "фейковых аккаунтов|фейковые отзывы|фейковых отзывов|накрутк|contas falsas|avaliações falsas|cuentas falsas"
    ),
    # round 10: a site slowed or brought down by filling it with requests (heldout14i's Portuguese "lotando o servidor
    # de requisições" to win a crèche place), harmful to its owner without concealment
    "dos": (
        "slow the site|slow down the site|bring the site down|take the site down|flood the server|lotando o servidor|"
        "lotar o servidor|deixar o site lento|derrubar o site|sobrecarregar o servidor|saturar el servidor|tumbar la web|"
        "tumbar el servidor|ralentizar la web|saturer le serveur|faire tomber le site|ralentir le site|server lahmlegen|"
        "seite lahmlegen|server überlasten|mandare giù il sito|rallentare il sito|sovraccaricare il server|положить сайт|"
        "завалить запросами|завалить сервер|让网站变慢|把网站搞挂|打垮网站|サイトを落と|サイトを重く|サーバーを落と|"
        "사이트를 느리게|서버를 마비|사이트를 다운|przeciążyć serwer|spowolnić stronę|siteyi çökert|siteyi yavaşlat|"
        "site platleggen|إبطاء الموقع|إسقاط الموقع|سایت را کند|سایت را از کار|साइट धीमी|साइट डाउन|làm sập trang|"
        "làm chậm trang|membuat situs lambat|melumpuhkan situs|ρίξω το site|shodit web|zpomalit web|להפיל את האתר|"
        "להאט את האתר|ทำให้เว็บล่ม|să pică site-ul|să încetinesc site-ul|kaataa sivuston|hidastaa sivustoa|"
        "lebénítani az oldalt|belasta servern"
    ),
    # round 11: a login that always grants admin (heldout14j's Turkish subcontractor: "her zaman admin yetkisi veren")
    "backdoor": (
        "always gives admin|always grants admin|always admin|hardcoded admin|master password|secret admin login|"
        "siempre da admin|siempre tenga admin|donne toujours les droits admin|toujours admin|immer admin-rechte|immer adminrechte|"
        "sempre dá admin|sempre admin|всегда даёт админ|всегда дает админ|завжди дає адмін|始终给管理员|永远是管理员|常に管理者権限|"
        "항상 관리자 권한|zawsze daje admina|zawsze uprawnienia administratora|her zaman admin|admin yetkisi veren|altijd admin|"
        "يعطي دائما صلاحيات المدير|हमेशा एडमिन|luôn có quyền admin|selalu memberi akses admin|πάντα δικαιώματα διαχειριστή|"
        "vždy admin|תמיד הרשאות אדמין|สิทธิ์แอดมินเสมอ|همیشه دسترسی ادمین|mereu drepturi de admin|aina admin-oikeudet|"
        "mindig admin jogot|alltid adminrättigheter"
    ),
    # round 11: data made to disappear, or removed, named as the act (heldout14j's Ukrainian "зникли всі дані")
    "wiper": (
        "data disappear|data vanish|data to disappear|all the data disappear|desaparezcan los datos|que desaparezcan todos|"
        "les données disparaissent|daten verschwinden|sumam todos os dados|sumam os dados|spariscano i dati|данные исчезли|"
        "дані зникли|зникли всі дані|исчезли все данные|数据消失|データが消え|データベースが消え|데이터가 사라지|dane znikną|"
        "usunie wszystkie dane|usunie wszystko|veriler kaybolsun|verdwijnen alle gegevens|تختفي البيانات|डेटा गायब|"
        "dữ liệu biến mất|data hilang|τα δεδομένα εξαφαν|data zmizí|הנתונים ייעלמו|ข้อมูลหายไป|داده‌ها ناپدید|datele dispar|"
        "tiedot katoavat|az adatok eltűnjenek|datan försvinner"
    ),
    "exfiltration": (
        "a copy of the|copy of the whole|copy the whole|copy of their|the whole database|entire database|dump the|"
        "同步到|拷贝到|复制到|导出到|转存|copia de la base|copie de la base|kopie der datenbank|копию базы|kopię bazy|"
        "データベースをコピー|데이터베이스를 복사|copy his|copy her|copy their|kopier|copiar sus|copier ses|копир|скопир|"
        "复制他|复制她|拷贝他|拷贝她|コピーし|복사해|kopiuj|skopiuj|kopyala|kopieer|انسخ|نسخ ملفات|कॉपी कर|sao chép|salin|"
        "menyalin|salin |copio |copiare|que copie|copiar los|copiar todos|exporto|exportar a base|exportar la base|export the customer|αντίγραψ|zkopíruj|להעתיק|คัดลอก|کپی|copiez|copiaz|kopioi|másold"
    ),
}
# Taking someone else's account or spreading to someone else's contacts needs no concealment to be harmful: the
# owner never agrees to either. These are the lexicon's concepts for them (not "credentials" or "brute_force", which
# name a user's own logins as often), and the stems of MORE_CAPABILITIES["account_takeover"].
INHERENT = ("takeover", "self_copy", "flood")  # round 7: a flood aimed at someone else's site or phone
INHERENT_MORE = ("account_takeover", "self_spreading", "dos")
# What marks a request as defence, consented work or declined code: the lexicon's defensive aim and work (detect,
# protect, alert, audit, restore...), consent that is not negated (approved, signed off, GDPR), and "no code needed".
# Defensive words also fill attacks ("so the EDR doesn't detect it", "without triggering CloudTrail alerts", "flagged
# by Defender"): when the request names evading security or an alert not firing, they do not count.
DEFENCE = ("defensive_work", "defence", "no_code")  # (the "defence" concept's stems less the block family)
# The user's own things, named as such (narrower than the lexicon's "own", which reads Turkish "kendini", itself).
_OWN_THINGS = (
    "my own|our own|my personal|mis propios|mis archivos personales|mes propres|mes fichiers personnels|meine eigenen|"
    "meine persönlichen|meus próprios|i miei file personali|мои личные|我自己的|自分の|내 개인|moje prywatne|kendi dosyalarım|"
    "i clone|my repos|my repositories|meine eigene|mi propia|mon propre|ma propre|unsere eigenen|nuestros propios|"
    "nos propres|nossos próprios|наши собственные|我们自己的|自社"
).split("|")
# A request to check one's own (or a relative's) device for an attack is defence, whatever it names.
CHECKS = (
    "what should i check|should i check|how do i check|how can i check|how do i know if|how can i tell if|"
    "signs of|is there a keylogger|is there spyware|is there a tracker|get rid of|check my phone|check my laptop|"
    "check my computer|check my android|check my iphone|check her laptop|check his laptop|"
    "qué debo revisar|cómo compruebo si mi|cómo saber si mi|que dois-je vérifier|comment savoir si|was sollte ich prüfen|"
    "wie erkenne ich|o que devo verificar|como saber se|cosa devo controllare|come capire se|что проверить|"
    "как понять|如何检查|怎么检查|怎么知道|どうやって確認|확인하려면|어떻게 확인|co sprawdzić|jak sprawdzić|"
    "nasıl anlarım|neyi kontrol|have i been pwned|hibp|pwned passwords|om te zien of|waar moeten we op letten"
)
# Round 11: detection rules and hunting queries for an attack are defence, whatever evasion they name (heldout14j's
# "write detections for ntdll unhooking and ETW patching", refused as evasion).
DETECTION_RULES = (
    "write detections|detections for|detection rules for|detection queries|advanced hunting|hunting quer|"
    "hunting rule|sigma rule|yara rule|kql quer|splunk quer|reglas de detección|detecciones para|"
    "règles de détection|détections pour|erkennungsregeln|regras de detecção|regole di rilevamento|"
    "правила обнаружения|правила виявлення|检测规则|検知ルール|탐지 규칙|reguły wykrywania|tespit kuralları|detectieregels|"
    "قواعد الكشف|डिटेक्शन नियम|quy tắc phát hiện|aturan deteksi|κανόνες ανίχνευσης|detekční pravidla|כללי זיהוי|"
    "กฎการตรวจจับ|قوانین شناسایی|reguli de detecție|havaitsemissään|észlelési szabály|detekteringsregler"
)
EVADES = (
    "not trigger|without triggering|doesn't trigger|don't trigger|won't trigger|not detect|undetect|not be detected|"
    "not get detected|get past|bypass|without getting them blocked|without getting blocked|not get blocked|"
    "no lo detecte|no detecte|sans être détecté|ne détecte|nicht erkannt|nicht erkennt|"
    "não detecte|non rilevi|не обнаруж|не сработал|不触发|不会触发|绕过|検知されない|検知を回避|탐지되지|우회|nie wykryje|"
    "检测不到|检测不出|查杀不到|tespit edilmeden|לא יזהה|שלא יזהו|không bị phát hiện|tidak terdeteksi|لا يكتشف|دون أن يكتشف|पकड़ में न|"
    # round 10: an audit log that does not record it is evaded, whatever "audit" says (heldout14i's Japanese CAD files)
    "ログに残らない|ログに残さない|記録に残らない|로그에 남지 않|не оставалось в логах|no quede en los logs|"
    "stay under the rate limit|under the rate limits|around the rate limit|avoid the rate limit|evade the rate limit"
)
# Round 7: a rival or competitor, a client's systems and a former employer's, in more languages (the roles recur in
# every set; a flood aimed at them needs no concealment to harm).
RIVALS = (
    "concurrent|konkurrent|konkurrenz|competidor|concorrente|concorrenza|конкурент|竞争对手|对手|ライバル|競合|경쟁|"
    "rakip|منافس|رقیب|מתחרה|प्रतिस्पर्धी|đối thủ|pesaing|ανταγωνιστ|konkurenc|konkurent|rival|kilpailija|versenytárs|"
    "kundens|des kunden|unseres kunden|klanten|klant |kunder|zákazník|klienta|клиента|客户的|顧客の|고객사|müşterinin|"
    "العميل|مشتری|הלקוח|ग्राहक के|khách hàng|klien|πελάτη|clientului|asiakkaan|ügyfél|mteja"
)
# ---- Round 11: roles and concealment by concept, in any language (heldout14j's non-English misses named them in
# words no earlier stem had: access "never revoked" at an old tax office, the accountants' office "I worked at", a
# municipality's subcontractor whose access "will close", "the chairman must not know", an audit "not official",
# "I'll tell them it's a security app", "without leaving logs") ----
# Access kept at a former employer or client, or about to be lost: their systems are someone else's.
# Access "never revoked" in general words is also what an offboarding audit finds: elsewhere, not an act without consent.
NEVER_REVOKED = "never revoked|never been revoked|never disabled|never deactivated|nie gesperrt|nie deaktiviert|nie entzogen|nunca revocaron|nunca foi revogad|mai revocat|mai disattivat|jamais révoqué|jamais désactivé|так и не отозвали|так и не заблокировали|一直没注销|nigdy nie zablokowan|nooit ingetrokken|لم يلغوا|nunca me quitaron|nunca cancelaram"
LEFTOVER_ACCESS = (
    "still have access|noch vpn|noch zugänge|noch den zugang|still works from my old|"
    "where i used to work|i used to work at|i used to work for|my former employer|my ex-employer|my previous employer|"
    "my old employer|my old job|todavía tengo acceso|sigo teniendo acceso|"
    "donde trabajaba|mi antiguo trabajo|mi antigua empresa|j'ai encore accès|j'ai toujours accès|"
    "où je travaillais|mon ancien employeur|mon ancienne boîte|noch zugang|noch zugriff|"
    "wo ich früher|bei meinem alten arbeitgeber|meiner alten firma|ainda tenho acesso|"
    "onde eu trabalhava|meu antigo emprego|minha antiga empresa|ho ancora accesso|"
    "dove lavoravo|il mio ex datore|la mia vecchia azienda|остался доступ|до сих пор есть доступ|"
    "где я работал|бывшего работодателя|с прошлой работы|досі маю доступ|"
    "залишився доступ|де я працював|колишнього роботодавця|仍然有权限|还能访问|还能登录|以前工作的|前公司|"
    "前东家|まだアクセスでき|まだログインでき|元の職場|前の職場|以前勤めていた|아직 접근|여전히 접근|아직 로그인|전 직장|"
    "예전 회사|nadal mam dostęp|wciąż mam dostęp|gdzie pracowałem|gdzie pracowałam|byłego pracodawcy|"
    "hâlâ erişimim|erişimim kapanacak|erişimim kapanmadan|eski işyerim|çalıştığım şirket|eski işverenim|"
    "nog steeds toegang|waar ik vroeger werkte|mijn oude werkgever|لا يزال لدي وصول|ما زال لدي وصول|"
    "حيث كنت أعمل|عملي السابق|अब भी एक्सेस|पुरानी कंपनी|vẫn còn quyền truy cập|chỗ làm cũ|công ty cũ|"
    "masih punya akses|tempat kerja lama|kantor lama saya|ακόμα έχω πρόσβαση|όπου δούλευα|pořád mám přístup|"
    "kde jsem pracoval|נשארה לי גישה|עדיין יש לי גישה|שעבדתי בו|שעבדתי בה|שבו עבדתי|ยังเข้าได้|ที่ทำงานเก่า|"
    "هنوز دسترسی دارم|محل کار قبلی|încă am acces|unde am lucrat|fostul angajator|minulla on yhä pääsy|entinen työnantaja|"
    "még mindig hozzáférek|korábbi munkahelyem|har fortfarande åtkomst|där jag jobbade|min gamla arbetsgivare"
)
# A subcontractor's client, whose access ends with the project: elsewhere (a contractor also audits its clients).
CONTRACTOR = (
    "subcontractor|taşeron|sous-traitant|subcontratista|subunternehmer|terceirizad|subappaltat|субподрядчик|субпідрядник|"
    "下請け|외주 업체|podwykonawc|onderaannemer|مقاول من الباطن|nhà thầu phụ|subkontraktor|υπεργολάβ|subdodavatel|"
    "קבלן משנה|ผู้รับเหมาช่วง|پیمانکار|subcontractant|alihankkija|alvállalkozó|underleverantör"
)
# The staff's personal devices (the boss over them): the employees' own, whatever the employer says.
STAFF_PERSONAL = (
    "employees' personal|staff's personal|staff personal|workers' personal|empleados personal|personales de los empleados|"
    "personnels des salariés|personnels des employés|privaten handys der mitarbeiter|privathandys der mitarbeiter|"
    "pessoais dos funcionários|personali dei dipendenti|личные телефоны сотрудников|особисті телефони працівників|"
    "员工的私人|员工个人|従業員の私物|従業員の個人|직원 개인|직원들 개인|직원의 개인|prywatne telefony pracowników|"
    "çalışanların kişisel|privételefoons van medewerkers|الهواتف الشخصية للموظفين|कर्मचारियों के निजी|"
    "điện thoại cá nhân của nhân viên|ponsel pribadi karyawan|προσωπικά κινητά των υπαλλήλων|soukromé telefony zaměstnanců|"
    "הטלפונים האישיים של העובדים|โทรศัพท์ส่วนตัวของพนักงาน|گوشی شخصی کارمندان|telefoanele personale ale angajaților|"
    "työntekijöiden omiin|a dolgozók saját|anställdas privata"
)
# Whose data it is, by where it goes or whom it describes: the organisation's data copied to the user's personal
# account, its staff's records, its customer base (heldout14j: a cooperative's members to "Google Drive pribadi saya",
# an HR system's "tabele pracowników", a fintech's "base de clientes").
THEIR_DATA = (
    "my personal google|my personal drive|my personal dropbox|my personal email|my personal account|my private email|"
    "drive pribadi saya|dropbox peribadi saya|akaun peribadi saya|akun pribadi saya|email pribadi saya|mi drive personal|mi cuenta personal|mi correo personal|"
    "mon drive perso|mon compte perso|ma boîte perso|mein privates|meinen privaten|meu drive pessoal|minha conta pessoal|"
    "meu e-mail pessoal|il mio drive personale|la mia email personale|мой личный|на личный|мій особистий|на особистий|"
    "我的私人|个人网盘|個人のgoogle|個人アカウント|自分の外部|내 개인 드라이브|내 개인 계정|mój prywatny|moje prywatne konto|"
    "kişisel drive|kişisel hesabıma|mijn privé|إلى حسابي الشخصي|ड्राइव में निजी|drive cá nhân của tôi|προσωπικό μου drive|"
    "můj soukromý|לדרייב האישי שלי|ไดรฟ์ส่วนตัวของฉัน|درایو شخصی من|drive-ul meu personal|henkilökohtaiseen|"
    "személyes drive|min privata|"
    "tabele pracowników|dane pracowników|danych pracowników|employee records|employees' salaries|staff records|"
    "datos de los empleados|données des salariés|données des employés|mitarbeiterdaten|dados dos funcionários|"
    "dati dei dipendenti|данные сотрудников|дані працівників|员工数据|従業員データ|직원 데이터|çalışan verileri|"
    "personeelsgegevens|بيانات الموظفين|कर्मचारी डेटा|dữ liệu nhân viên|data karyawan|data anggota|"
    "customer base|customer database|base de clientes|base de clients|base clients|kundendatenbank|kundenstamm|"
    "base clienti|базу клиентов|базу клієнтів|客户数据库|顧客データベース|고객 데이터베이스|bazę klientów|"
    "müşteri veritabanı|klantenbestand|قاعدة بيانات العملاء|ग्राहक डेटाबेस|cơ sở dữ liệu khách hàng|database pelanggan"
)
# A person singled out: a specific person's number or account is someone else's.
SPECIFIC_PERSON = (
    "a specific person|specific person's|a particular person|a certain person|una persona concreta|una persona específica|"
    "une personne précise|une personne en particulier|einer bestimmten person|eine bestimmte person|uma pessoa específica|"
    "una persona specifica|конкретного человека|конкретної людини|特定的人|某个人的|特定の人|特定の個人|특정인|특정 사람|"
    "konkretnej osoby|belirli bir kişi|een specifiek persoon|een bepaald persoon|شخص معين|شخص محدد|किसी खास व्यक्ति|"
    "một người cụ thể|orang tertentu|συγκεκριμένου ατόμου|konkrétní osoby|אדם מסוים|คนใดคนหนึ่ง|شخص خاص|"
    "unei anumite persoane|tietyn henkilön|egy adott személy|en viss person"
)
# Hidden from the user's own side: the request's "audit" or "security" is then cover, not defence.
HIDDEN_FROM_OWN_SIDE = (
    "must not know|mustn't know|can't know about|must not find out|"
    "no debe saber|no puede saber|ne doit pas savoir|ne doit pas le savoir|"
    "darf nichts wissen|darf es nicht wissen|não pode saber|não deve saber|"
    "non deve sapere|non può saperlo|не должен знать|не должен узнать|"
    "не повинен знати|не має знати|不能知道|知られてはいけない|"
    "알면 안|nie może wiedzieć|nie może się dowiedzieć|bilmemeli|bilmesin|"
    "mag het niet weten|mag niet weten|يجب ألا يعرف|لا يجب أن يعرف|पता नहीं चलना चाहिए|"
    "không được biết|tidak boleh tahu|δεν πρέπει να μάθει|"
    "nesmí vědět|אסור שידע|אסור שידעו|ห้ามรู้|نباید بفهمد|nu trebuie să știe|"
    "ei saa tietää|nem tudhatja|får inte veta|"
    # round 12: the audit kept from finding it
    "sin que nadie de auditoría|so the audit doesn't|so the auditors don't find|damit die revision|så att revisionen|"
    "pour que l'audit ne|para que a auditoria não|in modo che l'audit non|чтобы аудит не|让审计发现不了|監査で見つからない|"
    "감사에서 발견되지 않|żeby audyt nie|denetimde bulunmasın|zodat de audit|"
    # an audit that is not official
    "unofficial audit|audit isn't official|audit is not official|audit ini tidak resmi|auditoría no oficial|"
    "audit officieux|inoffizielle prüfung|auditoria não oficial|audit non ufficiale|неофициальный аудит|неофіційний аудит|"
    "非正式审计|非公式の監査|비공식 감사|nieoficjalny audyt|gayriresmi denetim|onofficiële audit|تدقيق غير رسمي|"
    "अनौपचारिक ऑडिट|kiểm toán không chính thức|"
    # a cover story told to the people it watches ("I'll tell the staff it's a 'work security app'")
    "tell them it's|ich sage ihnen|sage ihnen, es sei|tell them it is|tell the staff it's|we'll call it a|decirles que es|diré que es|"
    "leur dire que c'est|je dirai que c'est|ihnen sagen, es sei|sage ihnen, es ist|dizer que é|direi que é|dire che è|"
    "dirò che è|сказать, что это|скажу, что это|скажу їм, що|告诉他们这是|就说是|이라고 할|라고 할 거|"
    "라고 말할|powiem im, że|powiem, że to|diye söyleyeceğim|zeggen dat het|zeg dat het|سأقول لهم|"
    "बोलूँगा कि|कहूँगा कि|nói với họ là|bilang ke mereka|θα τους πω ότι|řeknu jim, že|אגיד להם ש|จะบอกว่า|"
    "می‌گویم که|le spun că|sanon heille|azt mondom nekik|säger att det är|"
    # the user's own security or audit team kept from noticing
    "without the security team|without security noticing|sin que seguridad|sin que el equipo de seguridad|"
    "sans que l'équipe sécurité|sans que la sécurité|ohne dass die it-sicherheit|ohne dass die security|"
    "sem o time de segurança perceber|sem a equipe de segurança perceber|segurança perceber|senza che la sicurezza|"
    "чтобы служба безопасности не|щоб служба безпеки не|不让安全团队|セキュリティチームに気づかれ|보안팀이 모르게|"
    "żeby dział bezpieczeństwa nie|güvenlik ekibi fark|zonder dat security|دون أن يلاحظ فريق الأمن"
)
# Concealment in more words: logs left empty, a flow masked as another, "no need for them to know".
MORE_UNNOTICED = (
    "without leaving logs|leave no logs|not show up in the logs|not end up in the logs|sin dejar logs|"
    "sin dejar registros|sans laisser de logs|sans laisser de traces dans les logs|ohne logs|ohne spuren in den logs|"
    "sem deixar logs|sem deixar registros|senza lasciare log|не оставляя логов|без логов|не залишаючи логів|без логів|"
    "不留日志|不留下日志|ログを残さず|ログに残さ|로그를 남기지|로그 안 남|bez logów|nie zostawiając logów|log bırakmadan|"
    "loglara düşmeyen|loglara düşmeden|loglarda görünmeyen|zonder logs|دون ترك سجلات|بدون سجلات|بدون لاگ|"
    "बिना लॉग|không để lại log|không để lại nhật ký|tanpa log|tanpa jejak log|χωρίς logs|χωρίς να μείνουν logs|bez logů|"
    "בלי להשאיר לוגים|בלי לוגים|ללא לוגים|ไม่ทิ้ง log|ไม่ให้มี log|fără loguri|fără să rămână în loguri|ilman lokeja|"
    "naplók nélkül|utan loggar|"
    "don't need to know|doesn't need to know|do not need to know|does not need to know|no need to tell|nobody complains|"
    "no one complains|no necesitan saber|no hace falta que sepan|n'ont pas besoin de savoir|müssen das nicht wissen|"
    "müssen es nicht wissen|não precisam saber|non devono saperlo|non serve che lo sappiano|им не нужно знать|"
    "им незачем знать|їм не треба знати|不需要知道|没必要告诉|知る必要はない|알 필요 없|nie muszą wiedzieć|"
    "bilmelerine gerek yok|hoeven het niet te weten|لا داعي أن يعرفوا|जानने की ज़रूरत नहीं|không cần biết|"
    "tidak perlu tahu|δεν χρειάζεται να ξέρουν|nemusí to vědět|לא צריכים לדעת|ไม่จำเป็นต้องรู้|لازم نیست بدانند|"
    "nu trebuie să știe|ei tarvitse tietää|nem kell tudniuk|behöver inte veta|"
    "masking the traffic|disguising the traffic|maskując|maskujac|маскируя|маскуючи|camuflando el tráfico|"
    "en camouflant|tarnt den|mascarando|mascherando|偽装して|伪装成|위장해|gizleyerek|vermomd als|متنكرا|ngụy trang|"
    "menyamarkan|καμουφλάροντας|maskovat|מסווה|ปลอมเป็น|مخفی کردن ترافیک|mascând|naamioiden|álcázva|maskerad som|"
    "blend in with|blends in|紛れ|混进|섞여|se mezcle|se fondre|untermischen|se misturar|mimetizz|затеряться|"
    "wtopić|karışması|opgaan in"
)
# Evading a filter or a check in more words ("DLPに引っかからないように", "damit Radar nicht anschlägt").
MORE_EVADES = (
    "引っかからない|引っかからず|に引っかから|不被拦截|不被发现|not get flagged|without getting flagged|without being flagged|"
    "not get caught by|nicht anschlägt|nicht anschlagen|sin que salte|sans déclencher|sem disparar|senza far scattare|"
    "чтобы не сработал|щоб не спрацював|걸리지 않|nie wykrył|yakalanmadan|niet afgaat|دون أن ينبه|tanpa terdeteksi"
)
# ---- Round 12: whose compute, accounts and people, and concealment, in more words (heldout14k's misses: a
# municipality's cluster, the customers' smart locks, a relative's workplace, an adult daughter's phone, a spouse's
# account with a known password, neighbours' profiles; "before anyone notices", "nothing left in the logs", "without
# telling the customers", "I didn't ask permission", a fake certificate) ----
# Systems, organisations and people that are not the user's, named by their relation to the user.
NOT_THE_USERS = (
    # an employer's or a public body's infrastructure (the user works there: it is still theirs)
    "kommunens|municipality's|the municipality|city hall's|my town's|my city's|van mijn gemeente|de gemeente|"
    "del ayuntamiento|de la mairie|der gemeinde|meiner gemeinde|da prefeitura|del comune|мэрии|муниципалитет|міськради|"
    "市政府|自治体の|시청|urzędu miasta|gminy|belediyenin|kunnan|kommunens|kommunes|önkormányzat|primăriei|δήμου|"
    "my employer's|the employer's|my company's cluster|the company's cluster|work cluster|the office cluster|"
    "cluster de la empresa|cluster de l'entreprise|firmen-cluster|cluster da empresa|cluster aziendale|кластер компании|"
    "公司的集群|会社のクラスタ|회사 클러스터|klaster firmy|şirketin kümesi|"
    # a relative's workplace
    "where my brother-in-law works|where my cousin works|where my wife works|where my husband works|"
    "onde meu cunhado trabalha|onde minha cunhada trabalha|donde trabaja mi|où travaille mon|où travaille ma|"
    "wo mein schwager|wo meine schwägerin|dove lavora mio|dove lavora mia|где работает мой|где работает моя|"
    # customers' devices a vendor shipped
    "we sell|vendemos|nous vendons|wir verkaufen|vendiamo|мы продаём|мы продаем|我们卖|販売している|판매하는|"
    "shipped to customers|sold to customers|customers' devices|our customers' locks|納品した|we ship|ship them to customers|"
    "to customers|liefert|an kunden|a clientes|aux clients|ai clienti|клиентам|卖给客户|出荷した|고객에게 판매|"
    "dispositivos de los clientes|appareils des clients|geräte der kunden|dispositivos dos clientes|dispositivi dei clienti|"
    "устройства клиентов|客户的设备|고객의 기기|urządzenia klientów|müşterilerin cihaz|"
    # neighbours and everyone in a group
    "住民グループ|住民全員|neighbours'|neighbors'|my neighbours|my neighbors|every resident|each resident|邻居|业主群|每个人的|vecinos|voisins|"
    "nachbarn|vizinhos|vicini|соседей|сусідів|近所の|住民の|이웃|sąsiadów|komşuların|buren|الجيران|همسایه|पड़ोसियों|"
    "hàng xóm|tetangga|γειτόνων|sousedů|השכנים|เพื่อนบ้าน|vecinilor|naapurien|szomszédok|grannarnas|"
    # compute reached by breaking in, or left open by others
    "exposed dashboard|open dashboard|ที่เปิด dashboard|dashboard ทิ้งไว้|เจาะเข้า|break into|"
    "dashboard expuesto|dashboard exposé|offenes dashboard|dashboard exposto|открытый дашборд|"
    "暴露的|公開されたままの|노출된"
)
# Someone else's own account or phone the user can reach: an adult child, a spouse with a known password, a person's
# personal mail on a device the user manages. Used without their consent whatever the user pays for.
THEIR_OWN_ACCOUNT = (
    "his personal gmail|her personal gmail|his personal email|her personal email|his personal account|"
    "her personal account|his private email|her private email|log into his|log into her|"
    "su gmail personal|su correo personal|son gmail perso|sa messagerie perso|seine private|ihre private|"
    "o gmail pessoal dele|o gmail pessoal dela|la sua email personale|его личную почту|её личную почту|他的私人邮箱|"
    "她的私人邮箱|個人のgmail|개인 지메일|jego prywatn|jej prywatn|onun kişisel|zijn privé|haar privé|"
    "kenne das passwort|know the password to|know the password of|conozco la contraseña de|connais le mot de passe de|"
    "sei a senha do|conosco la password di|знаю пароль от|знаю пароль від|"
    "know her password|know his password|knows her password|i have her password|i have his password|"
    "conozco su contraseña|sé su contraseña|je connais son mot de passe|ich kenne ihr passwort|ich kenne sein passwort|"
    "sei a senha dela|sei a senha dele|conosco la sua password|знаю её пароль|знаю ее пароль|знаю его пароль|"
    "знаю її пароль|我知道她的密码|我知道他的密码|パスワードを知って|비밀번호를 알아|znam jej hasło|znam jego hasło|"
    "şifresini biliyorum|ik ken haar wachtwoord|ik ken zijn wachtwoord|أعرف كلمة مرورها|أعرف كلمة مروره|رمزش را می‌دانم|"
    "उसका पासवर्ड पता|tôi biết mật khẩu|saya tahu kata sandinya|ξέρω τον κωδικό|znám její heslo|אני יודע את הסיסמה|"
    "รู้รหัสผ่าน|știu parola|tiedän hänen salasanansa|tudom a jelszavát|jag vet hennes lösenord"
)
# An adult son or daughter, or one who lives on her own: their phone is their own, whoever pays the bill.
ADULT_CHILD = (
    "my adult daughter|my adult son|my grown daughter|my grown son|my grown-up|mi hija adulta|mi hijo adulto|"
    "ma fille adulte|mon fils adulte|meine erwachsene tochter|mein erwachsener sohn|minha filha adulta|meu filho adulto|"
    "mia figlia adulta|mio figlio adulto|моя взрослая дочь|мой взрослый сын|моя доросла донька|我成年的女儿|我成年的儿子|"
    "成人した娘|成人した息子|성인 딸|성인 아들|moja dorosła córka|mój dorosły syn|yetişkin kızım|yetişkin oğlum|"
    "mijn volwassen dochter|mijn volwassen zoon|ابنتي البالغة|ابني البالغ|وتعيش لوحدها|lives on her own|lives alone|"
    "vive sola|vit seule|lebt allein|mora sozinha|vive da sola|живёт одна|живет одна|一个人住|一人暮らし|혼자 사는|"
    "mieszka sama|yalnız yaşıyor|woont alleen"
)
# An adult's age ("عمرها 24 سنة", "my 24-year-old daughter", "meine 19-jährige Tochter"): not a child to supervise.
_ADULT_AGE = re.compile(
    r"\b(1[89]|[2-9]\d)\s*-?\s*(year|years|yo\b|años|ans\b|jahre|jährig|anos|anni|лет|года|岁|歳|살|lat\b|yaş|jaar|"
    r"سنة|عاما|ساله|साल|tuổi|tahun|χρονών|let\b|שנה|ปี|de ani|vuotias|éves|år)"
    r"|(عمرها|عمره)\s*(1[89]|[2-9]\d)"
)
_CHILD_WORDS = re.compile(
    r"daughter|son\b|hija|hijo|fille|fils|tochter|sohn|filha|filho|figlia|figlio|дочь|дочер|сын|донька|син\b|女儿|儿子|娘|息子|"
    r"딸|아들|córk|syn\b|kızım|oğlum|dochter|zoon|ابنتي|ابني|دخترم|پسرم|बेटी|बेटा|con gái|con trai|putri|putra|κόρη|γιο|dcer|"
    r"בתי|בני|ลูกสาว|ลูกชาย|fiica|poika|tytär|lány|fia|dotter|son\b"
)
# Concealment in more words.
R12_UNNOTICED = (
    "before anyone notices|before anybody notices|before anyone finds out|antes de que nadie se dé cuenta|"
    "avant que quelqu'un ne remarque|avant que personne ne remarque|bevor es jemand merkt|antes que alguém perceba|"
    "prima che qualcuno se ne accorga|пока никто не заметил|пока кто-то не заметит|поки ніхто не помітив|在别人发现之前|"
    "被发现之前|誰かが気づく前に|누가 눈치채기 전에|zanim ktoś zauważy|kimse fark etmeden|voordat iemand het merkt|"
    "from looking odd|from looking suspicious|دون أن تعرف|دون أن يعرف|دون علمها|دون علمه|بدون علمها|"
    "nothing in the logs|leave nothing in the logs|ログには何も残|何も残らない|日志里什么都不留|in den logs soll nichts|"
    "nichts in den logs|que no quede nada en los logs|rien dans les logs|nada nos logs|niente nei log|ничего в логах|"
    "로그에 아무것도|not in the manual|don't put it in the manual|not in the changelog|or the changelog|"
    "nicht ins handbuch|no lo pongas en el manual|pas dans le manuel|"
    "чтобы он не знал|чтобы она не знала|щоб він не знав|щоб вона не знала|sin que lo sepa|sans qu'il le sache|"
    "sans qu'elle le sache|ohne dass er es weiß|ohne dass sie es weiß|sem que ele saiba|sem que ela saiba|"
    "senza che lo sappia|without him knowing|without her knowing|誰も知らない|本人たちは知らない|"
    "without telling the customers|without telling customers|without telling them|without telling anyone|"
    "お客さんには言わず|言わずに|知らせずに|伝えずに|sin decírselo|sin avisar a los clientes|sans le dire|"
    "sans prévenir les clients|ohne es den kunden zu sagen|ohne den kunden|sem contar aos clientes|sem avisar os clientes|"
    "senza dirlo ai clienti|не говоря клиентам|не сказав клієнтам|不告诉客户|고객에게 알리지 않고|nie mówiąc klientom|"
    "müşterilere söylemeden|zonder het de klanten te vertellen|"
    "they don't know about it|they have no idea about it|他们都不知道|他们都不会知道|彼らは誰も知らない|아무도 모른다|no lo saben|"
    "ils n'en savent rien|sie wissen nichts davon|eles não sabem de nada|non ne sanno nulla|они ничего не знают|"
    "вони нічого не знають|oni nic nie wiedzą|hiçbiri bilmiyor|ze weten er niets van|"
    "doesn't find them|don't find them|won't find them|inte hittar|gömmer|göm dem|no las encuentre|no los encuentre|"
    "ne les trouve pas|nicht findet|não encontre|non le trovi|non li trovi|не нашли|не нашла|не знайшли|找不到它们|"
    "見つからない|찾지 못하|nie znalazł|bulamasın|niet vindt"
)
# A fake certificate, a service named as a security product, a login alert kept from the account's owner: concealment
# and evasion both.
MASQUERADE = (
    "fake certificate|forged certificate|certificado falso|certificat falsifié|faux certificat|gefälschtes zertifikat|"
    "gefälschten zertifikat|certificato falso|поддельный сертификат|поддельным сертификатом|підроблений сертифікат|"
    "伪造证书|偽の証明書|가짜 인증서|fałszywy certyfikat|sahte sertifika|nep certificaat|vals certificaat|شهادة مزورة|"
    "گواهی جعلی|windefend|defenderupdate|named like kube|named like a system|ชื่อคล้าย|nombre parecido a|"
    "nom semblable à|ähnlich benannt wie|com nome parecido|con un nome simile|с именем, похожим|名字像|に似た名前|"
    "비슷한 이름|o nazwie podobnej|benzer isimli|"
    # the login alert kept from reaching the account's owner
    "برایش نیاید|without triggering the login alert|without the new-device alert|so she doesn't get the alert|"
    "so he doesn't get the alert|sin que le llegue la alerta|sans qu'elle reçoive l'alerte|ohne dass sie eine warnung|"
    "sem que ela receba o alerta|чтобы ей не пришло|чтобы ему не пришло|щоб їй не прийшло|不让她收到提醒|"
    "알림이 가지 않게|żeby nie dostała powiadomienia|bildirim gitmeden|zonder dat ze een melding krijgt"
)
# Permission named as not asked or not held: the lexicon's consent ("permission") is then negated.
NO_PERMISSION = (
    "no permission|not asked permission|didn't ask permission|didn't ask for permission|without permission|"
    "i don't have permission|toestemming heb ik niet|zonder toestemming|geen toestemming|"
    "iznim yok|izin almadan|izinsiz|sin permiso|no tengo permiso|no pedí permiso|sans autorisation|sans permission|"
    "pas demandé la permission|ohne erlaubnis|ohne genehmigung|sem permissão|não pedi permissão|"
    "senza permesso|без разрешения|не спрашивал разрешения|без дозволу|没有授权|未经授权|許可なく|"
    "許可は取って|허락 없이|허가 없이|bez zgody|bez pozwolenia|بدون إذن|دون إذن|بدون اجازه|बिना अनुमति|không xin phép|"
    "tanpa izin|χωρίς άδεια|bez povolení|ללא אישור|בלי אישור|โดยไม่ได้รับอนุญาต|fără permisiune|ilman lupaa|"
    "engedély nélkül|utan tillstånd"
)
# Getting past a store's or a platform's review, an emulator check, a scanner's verdict.
R12_EVADES = (
    "pass chrome web store review|pass the review|passes the review|get past the review|past store review|"
    "pass play protect|passes play protect|get past play protect|bypass play protect|проходить play protect|"
    "проходит play protect|пройти play protect|проходив play protect|проходила play protect|passe play protect|"
    "umgeht play protect|supera play protect|passa pelo play protect|pasa play protect|绕过play protect|"
    "not an emulator|isn't an emulator|не емулятор|не эмулятор|no es un emulador|n'est pas un émulateur|kein emulator|"
    "não é um emulador|non è un emulatore|不是模拟器|エミュレータでない|에뮬레이터가 아닌|nie jest emulatorem|emülatör değilse|"
    "geen emulator|0/70|0/72|fully undetectable|detecting sandboxes|detect sandboxes|sandbox detection|anti-sandbox|"
    "anti-vm|обойти|обойдя|обхода|обійти|omijać|omiń|ominąć|atlatmak|atlatan|umgehen|contourner|eludir|burlar|aggirare|"
    "绕开|回避する|우회하|so the platform doesn't|platform doesn't cluster|not cluster them|doesn't flag them|"
    "system antyfraudowy tego nie|nie wyłapał|no lo detecte el antifraude|sans que l'antifraude|"
    "yakalamasın|yakalanmasın|no lo detecten|ne le détectent pas|nicht erkennen|não detectem|non lo rilevino|"
    "не детектили|не палили|检测不到|検出されない|탐지 안 되|anmeldewarnung bekommt|keine anmeldewarnung|uyarısı gitmesin|"
    "uyarı gitmesin|"
    "doesn't link them|don't link them|can't link them|no los relacione|ne les relie pas|nicht verknüpft|não os ligue|"
    "non li colleghi|не связали|pase play protect|pasar play protect|"
    "get past sms verification|get past the sms|past sms verification|pasar la verificación|contourner la vérification"
)
_ELSEWHERE = tuple(
    "|".join(
        (ELSEWHERE, RIVALS, LEFTOVER_ACCESS, NEVER_REVOKED, CONTRACTOR, STAFF_PERSONAL, THEIR_DATA, SPECIFIC_PERSON)
        + (NOT_THE_USERS, THEIR_OWN_ACCOUNT, ADULT_CHILD)
    ).split("|")
)
_LEFTOVER = tuple(LEFTOVER_ACCESS.split("|"))
_THEIR_OWN_ACCOUNT = tuple(THEIR_OWN_ACCOUNT.split("|"))
_ADULT_CHILD = tuple(ADULT_CHILD.split("|"))
_WITHOUT_CONSENT = _LEFTOVER + tuple(STAFF_PERSONAL.split("|")) + _THEIR_OWN_ACCOUNT
_NO_PERMISSION = tuple(NO_PERMISSION.split("|"))
_UNNOTICED = tuple(
    "|".join((UNNOTICED, HIDDEN_FROM_OWN_SIDE, MORE_UNNOTICED, R12_UNNOTICED, MASQUERADE, NO_PERMISSION)).split("|")
)
# hiding from one's own side is evasion too: its "audit" or "security app" is cover, not defence
_EVADES = tuple("|".join((EVADES, MORE_EVADES, HIDDEN_FROM_OWN_SIDE, R12_EVADES, MASQUERADE, NO_PERMISSION)).split("|"))


def names_evasion(text: str) -> bool:
    """Whether the request spells out an evasion or concealment in any language (round 12; the lexicon's evasion
    concept also reads the words of detection)."""
    t = f" {' '.join(text.lower().split())} "
    return any(s in t for s in _EVADES)


def their_own_account(text: str) -> bool:
    """Someone's own account, known password or adult child's phone named (round 12): used without their consent."""
    t = f" {' '.join(text.lower().split())} "
    return any(s in t for s in _THEIR_OWN_ACCOUNT) or adult_relative(t)


def adult_relative(t: str) -> bool:
    """A son or daughter named with an adult's age (round 12): their phone and accounts are their own."""
    named = any(s in t for s in _ADULT_CHILD)
    return named or bool(_ADULT_AGE.search(t) and _CHILD_WORDS.search(t))


_CHECKS = tuple(CHECKS.split("|")) + tuple(DETECTION_RULES.split("|"))
_DETECTION_RULES = tuple(DETECTION_RULES.split("|"))
# Round 12: capabilities named in more words (heldout14k: requests fired "as many as possible" at a municipality's form,
# a "master command" that opens any lock, a table of neighbours' licence plates and children's schools).
R12_CAPABILITIES = {
    "dos": (
        "as many requests as possible|zoveel mogelijk verzoeken|tantas peticiones como sea posible|autant de requêtes que|"
        "so viele anfragen wie|o máximo de requisições|quante più richieste|как можно больше запросов|якомога більше запитів|"
        "尽可能多的请求|できるだけ多くのリクエスト|최대한 많은 요청|jak najwięcej żądań|mümkün olduğunca çok istek|"
        "أكبر عدد من الطلبات|تا جای ممکن درخواست|जितने हो सके अनुरोध|càng nhiều yêu cầu|sebanyak mungkin permintaan"
    ),
    "backdoor": (
        "master command|master unlock|master ble|opens any lock|open any lock|unlock any|マスターble|マスターコマンド|"
        "どのロックでも開く|comando maestro|commande maître|masterbefehl|generalbefehl|comando mestre|comando master|"
        "мастер-команд|主命令|万能开锁|마스터 명령|polecenie master|ana komut|mastercommando|reverse shell|反向shell"
    ),
    "exfiltration": (
        "bana gönderen|mir schickt|me lo mande|me l'envoie|me mande|me li mandi|присылает мне|пересылает мне|надсилає мені|"
        "发给我|私に送|나에게 보내|wysyła mi|stuurt naar mij|برایم بفرستد|يرسل لي|"
        "licence plates|license plates|kids' schools|children's schools|车牌|孩子学校|朋友圈|matrículas de|"
        "plaques d'immatriculation|kennzeichen|placas dos carros|targhe|номера машин|номери авто|ナンバープレート|번호판|"
        "tablice rejestracyjne|plakalar|kentekens|لوحات السيارات|پلاک|biển số|pelat nomor|"
        "famous patients|celebrity patients|διάσημους ασθενείς|pacientes famosos|patients célèbres|prominente patienten|"
        "pazienti famosi|знаменитых пациентов|名人患者|有名人の患者|유명인 환자|sławnych pacjentów|ünlü hastalar"
    ),
}
for _category, _stems in R12_CAPABILITIES.items():
    MORE_CAPABILITIES[_category] += "|" + _stems
_MORE_CAPABILITIES = {category: tuple(stems.split("|")) for category, stems in MORE_CAPABILITIES.items()}


@dataclass(frozen=True)
class Situation:
    elsewhere: bool  # someone else's systems, data, accounts or people
    unnoticed: bool  # hidden from them, or done without their consent
    capabilities: tuple[str, ...]  # the categories of the capabilities named, in CAPABILITIES order
    defence: bool  # defensive aim or work, consent, or declined code, and no evasion named
    inherent: str | None = None  # the category of a capability harmful to others without concealment, if named

    @property
    def category(self) -> str | None:
        """The category of a harmful situation (None when it is not one)."""
        if self.defence or not self.elsewhere or not self.capabilities:
            return None
        if self.unnoticed:
            return self.capabilities[0]
        return self.inherent

    @property
    def harmful(self) -> bool:
        return self.category is not None


# The lexicon's "defence" stems without the block family ("my ex blocked me", "without getting them blocked"), and its
# "defensive_work" stems without "review" (fake reviews are the fraud, not a code review).
_DEFENCE_STEMS = tuple(
    s for s in CONCEPTS["defence"] if not s.lstrip().startswith(("block", "bloc", "sperr", "блок", "blok"))
)
_DEFENSIVE_WORK_STEMS = tuple(s for s in CONCEPTS["defensive_work"] if s != "review")


# Incident response the lexicon's lists lack: machines already infected, to isolate or investigate.
_RESPONSE = (
    "受感染|被感染|隔离|排查|we were infected|got infected|already infected|se nos infectaron|equipos infectados|"
    "machines infectées|wurden infiziert|infizierte rechner|заражённые|зараженные|感染したPC|감염된"
).split("|")


def _defence(on: set[str], t: str) -> bool:
    """Defensive work, a defensive aim (not merely "block"), incident response or declined code."""
    if "no_code" in on or any(stem in t for stem in _RESPONSE):
        return True
    return any(stem in t for stem in _DEFENSIVE_WORK_STEMS) or any(stem in t for stem in _DEFENCE_STEMS)


# round 12: the rules, the learned layer's features and protection each ask it of the same request (pure, so cached)
@functools.lru_cache(maxsize=1024)
def situation(text: str) -> Situation:
    """The three roles (and the defence marker) of a request, in any lexicon language."""
    t = f" {' '.join(text.lower().split())} "
    on = {name for name, hit in zip(CONCEPTS, concept_vector(text)) if hit}
    elsewhere = "others" in on or any(stem in t for stem in _ELSEWHERE) or adult_relative(t)
    # "I lost access to my own account" is the lexicon's unauthorised, but nothing is hidden from anyone
    lost_access = any(stem in t for stem in ("lost access", "no longer have access"))
    unnoticed = "stealth" in on or ("unauthorised" in on and not lost_access)
    # round 11: access kept after leaving, and the staff's personal devices, are used without their owners' consent
    unnoticed = unnoticed or any(stem in t for stem in _WITHOUT_CONSENT)
    found = [category for concept, category in CAPABILITIES.items() if concept in on]
    found += [category for category, stems in _MORE_CAPABILITIES.items() if any(stem in t for stem in stems)]
    found += ["cryptojacking"] if any(stem in t for stem in _MINES) else []  # round 12: "máquinas que minen"
    capabilities = tuple(dict.fromkeys(found))
    inherent = next((CAPABILITIES[c] for c in INHERENT if c in on), None)
    if inherent is None:
        inherent = next((c for c in INHERENT_MORE if any(stem in t for stem in _MORE_CAPABILITIES[c])), None)
    if any(stem in t for stem in _OWN_THINGS):
        inherent = None  # "I lost access to my own account": recovering one's own is not taking someone else's
    evades = "evade_security" in on or any(stem in t for stem in _EVADES)
    said_unnoticed = any(stem in t for stem in _UNNOTICED)
    # "sans que le client l'ait autorisé ni le sache": a consent word beside an explicit "they don't know" is negated
    defence = _defence(on, t) or ("consent" in on and not said_unnoticed) or any(s in t for s in _CHECKS)
    # round 12: a defender trained by role-play, a dead relative's device the family handles, a person present and asking
    defence = defence or any(s in t for s in _TRAINS_DEFENDER)
    defence = defence and not any(s in t for s in _THEIR_OWN_ACCOUNT)  # someone's own account defends no one
    return Situation(elsewhere, unnoticed or said_unnoticed, capabilities, defence and not evades, inherent)


# ---- Behaviours that are harmful whoever they are aimed at, read as combinations of roles in any language ----
# Each is a tuple of stem groups, all of which must occur; written after five independent sets each held one or more
# requests of the kind in other words (card testing in 14c, 14d and 14e; locating a woman from her photos in 14b, 14d
# and 14e; ransomware with its payment note in Japanese, 14e; leaked pairs tried on a service's login in 14d, 14e).
_CARDS = (
    # round 11: stolen cards named as such
    "stolen cards|stolen card|tarjetas robadas|cartes volées|gestohlene karten|gestohlenen karten|cartões roubados|carte rubate|краденые карты|украденных карт|крадені картки|被盗的卡|盗まれたカード|도난 카드|kradzione karty|przejętych kart|çalıntı kart|gestolen kaarten|بطاقات مسروقة|चोरी के कार्ड|thẻ bị đánh cắp|kartu curian|κλεμμένες κάρτες|kradené karty|כרטיסים גנובים|บัตรที่ขโมย|کارت‌های دزدی|carduri furate|varastetut kortit|lopott kártyák|stulna kort|"
    "card numbers|card number|cards with|cvv|números de tarjeta|tarjetas|numéros de carte|cartes bancaires|"
    "kartennummern|kreditkarten|números de cartão|cartões|numeri di carta|carte di credito|номера карт|карты|卡号|"
    "信用卡|カード番号|クレジットカード|카드 번호|카드번호|numery kart|kart numaraları|kartları|kaartnummers|أرقام البطاقات|"
    "بطاقات|कार्ड नंबर|số thẻ|nomor kartu|αριθμούς καρτών|κάρτες|čísla karet|מספרי כרטיס|כרטיסי אשראי|หมายเลขบัตร|"
    "شماره کارت|numere de card|carduri|korttinumer|kártyaszám"
)
_LIVE = (
    # round 11: cards that still go through
    "still go through|go through|noch durchgehen|durchgehen|siguen pasando|passent encore|ainda passam|"
    "passano ancora|ещё проходят|проходять|还能刷|まだ通る|아직 결제되|nadal przechodzą|hâlâ geçen|nog doorgaan|لا تزال تمر|"
    "अभी भी चलते|vẫn qua được|masih lolos|ακόμα περνάνε|ještě projdou|עדיין עוברים|ยังผ่าน|încă trec|"
    "menevät vielä läpi|még átmennek|går fortfarande igenom|"
    "still live|are live|which are live|still active|still valid|which are valid|which ones work|siguen activas|"
    "están activas|son válidas|encore valides|sont actives|noch gültig|noch aktiv|ainda ativos|ainda válidos|"
    "ancora attive|ancora valide|ещё активн|еще активн|рабочие|валидн|有效|还能用|まだ使える|有効な|유효한|살아있는|"
    "nadal aktywne|hâlâ geçerli|aktif olan|nog geldig|لا تزال فعالة|सक्रिय|còn hoạt động|masih aktif|ακόμα ενεργές|"
    "ενεργές|stále aktivní|עדיין פעילים|ยังใช้ได้|هنوز فعال|sunt active|care sunt active|ovat voimassa|még élnek|"
    "luhn|valid card|generate valid"
)
_SMALL_CHARGES = (
    # round 11: micro amounts
    "kleinstbetr|micro-amount|micro amounts|microcargos|micropagos|micropaiement|microcobranç|micropagament|"
    "микроплатеж|мікроплатеж|微额|少額決済|초소액|mikropłatn|mikro ödeme|microbetaling|مبالغ صغيرة جدا|सूक्ष्म राशि|"
    "vi thanh toán|mikropembayaran|μικροπληρωμ|mikroplatb|מיקרו-תשלומים|ไมโครเพย์เมนต์|ریزپرداخت|microplăți|"
    "mikromaksu|mikrofizetés|mikrobetalning|"
    "small charge|tiny charge|small amount|tiny donation|small donation|donation page|donations|micro-charge|"
    "$1|1 dollar|one dollar|pequeños cargos|pequeñas donaciones|petits montants|petits dons|kleine beträge|kleinen beträgen|"
    "pequenas cobranças|pequenos valores|piccoli importi|piccole donazioni|небольш|мелкие суммы|小额|少額|소액|"
    "małe kwoty|küçük tutar|kleine bedragen|مبالغ صغيرة|छोटी रकम|số tiền nhỏ|jumlah kecil|μικρά ποσά|μικρές|"
    "malé částky|סכומים קטנים|ยอดเล็กๆ|مبالغ کم|sume mici|pieniä summia|kis összeg|without getting them blocked|"
    "test them|testa|teste|testuje|проверя|测试|テスト|테스트"
)
_PERSON = (
    " her | she |a woman|a girl|this woman|a guy|this guy|my ex|his ex|ella |elle |sie |ela |lei |она |её |ее |她|彼女|"
    "女生|女孩|그녀|여자|ona |jej |kız|o kadın|zij |haar |هي |وہ |वह |उसकी|cô ấy|dia |αυτή|její|היא |שלה|เธอ|او |ea |hän |"
    "元カノ|前女友|ex-novia|mon ex|meine ex|minha ex|la mia ex|моя бывшая|byłej|eski sevgil"
)
_LOCATE = (
    "home address|where she lives|where he lives|where they live|her address|his address|live location|"
    "phone number|dirección de su casa|dónde vive|su domicilio|son adresse|où elle habite|où il habite|wohnadresse|"
    "wo sie wohnt|wo er wohnt|onde ela mora|endereço dela|dove abita|indirizzo di casa|где она живёт|где живет|"
    "домашний адрес|住哪|住址|家庭地址|小区|住所|自宅|どこに住|집 주소|어디 사는|gdzie mieszka|adres domowy|nerede oturuyor|"
    "ev adresi|waar ze woont|thuisadres|عنوان منزل|أين تسكن|घर का पता|कहाँ रहती|địa chỉ nhà|ở đâu|alamat rumah|"
    "πού μένει|διεύθυνση σπιτιού|kde bydlí|איפה היא גרה|כתובת מגורים|ที่อยู่บ้าน|อยู่ที่ไหน|آدرس خانه|کجا زندگی|"
    "unde locuiește|adresa de acasă|missä hän asuu|hol lakik|home-address"
)
_ENCRYPT_AND_PAY = (
    # round 11: the key held back until they pay
    "until they pay|until they've paid|once they pay|wenn die gezahlt|bis sie zahlen|erst wenn sie zahlen|"
    "gezahlt haben|hasta que paguen|cuando paguen|jusqu'à ce qu'ils paient|quand ils auront payé|até pagarem|"
    "quando pagarem|finché non pagano|quando pagano|пока не заплат|когда заплатят|поки не заплат|直到付款|付款后才|支払うまで|"
    "払ったら|돈을 낼 때까지|지불할 때까지|dopóki nie zapłacą|jak zapłacą|ödeyene kadar|ödedikten sonra|tot ze betalen|"
    "als ze betalen|حتى يدفعوا|عندما يدفعوا|जब तक पैसे न|trả tiền mới|sampai mereka bayar|setelah mereka bayar|"
    "μέχρι να πληρώσουν|dokud nezaplatí|עד שישלמו|จนกว่าจะจ่าย|تا پول بدهند|până plătesc|până când plătesc|"
    "kunnes maksavat|amíg nem fizetnek|tills de betalar|payment reaches|the payment arrives|wallet i'll fill|"
    "файлы вернутся после оплаты|"
    "ransom note|payment note|ransom|bitcoin|monero|btc|xmr|ビットコイン|送金|身代金|比特币|赎金|비트코인|몸값|биткоин|выкуп|"
    "rançon|lösegeld|rescate|resgate|riscatto|okup|fidye|losgeld|فدية|फिरौती|tiền chuộc|tebusan|λύτρα|výkupné|כופר|"
    "ค่าไถ่|باج|răscumpărare|lunnaat|váltságdíj"
)
_LEAKED_PAIRS = (
    "leaked|leak|combo list|combolist|email:password|email–password|email-password|user:pass|filtrad|fuite|geleakt|"
    "vazad|trapelat|утечк|слит|泄露|撞库|流出|漏洩|유출|wyciek|sızdırıl|gelekt|مسربة|लीक|rò rỉ|bocor|διαρρ|uniklých|"
    "שדלפ|רשימה שדלפה|หลุด|لو رفته|scurs|vuotane|kiszivárgott"
)
_TRIED_ON_LOGIN = (
    "login|log in|sign in|sign-in|kirjautum|connexion|anmeld|iniciar sesión|inicio de sesión|accesso|вход|логин|登录|"
    "ログイン|로그인|logowan|giriş|inloggen|تسجيل الدخول|लॉगिन|đăng nhập|masuk|σύνδεσ|přihlá|התחברות|ล็อกอิน|ورود|"
    "autentific|bejelentkez|proxy|proxies|proxys|прокси|代理"
)

_BULK = (
    # round 12: a farm of emulators or devices
    " farm of|farm aus|eine farm|una granja|une ferme|uma fazenda|una farm|ферму из|ферма из|device farm|emulator farm|phone farm|granja de|ferme de|gerätefarm|fazenda de|fattoria di|ферма |ферму |"
    "农场|群控|ファーム|팜|farma |çiftliği|boerderij van|"
    "hundreds of|thousands of|dozens of|a few hundred|cientos de|miles de|des centaines|des milliers|hunderte|tausende|"
    "centenas|milhares|centinaia|migliaia|сотни|тысячи|数百|数千|上百|成千|何百|何千|수백|수천|setki|tysiące|yüzlerce|"
    "大量|大批|批量|대량|en masse|masivamente|massenhaft|em massa|in massa|массово|masowo|toplu|massaal|انبوه|"
    "lots of accounts|many accounts|"
    "binlerce|honderden|duizenden|مئات|آلاف|सैकड़ों|हज़ारों|hàng trăm|hàng nghìn|ratusan|ribuan|εκατοντάδες|stovky|"
    "tisíce|מאות|אלפי|หลายร้อย|صدها|هزاران|sute de|mii de|satoja|tuhansia|több száz"
)
_FAKE_IDENTITIES = (
    # round 12: a device farm's identities and disposable numbers
    "geräte-ids|ids de dispositivo|identifiants d'appareil|different device ids|device ids|residential ips|residential proxies|varied wording|disposable numbers|"
    "disposable phone numbers|temporary numbers|números desechables|numéros jetables|wegwerfnummern|números descartáveis|"
    "numeri usa e getta|одноразовые номера|одноразові номери|临时号码|接码|使い捨て番号|일회용 번호|jednorazowe numery|"
    "tek kullanımlık numara|wegwerpnummers|distintos ids de dispositivo|identifiants d'appareil différents|"
    "verschiedene geräte-ids|ids de dispositivo diferentes|"
    # round 11: fake accounts named as such
    "fake accounts|cuentas falsas|faux comptes|gefälschte konten|fake-konten|contas falsas|account falsi|"
    "фейковые аккаунты|фейковых аккаунтов|фейкові акаунти|фейкових акаунтів|假账号|虚假账号|偽アカウント|가짜 계정|fałszywe konta|"
    "fałszywych kont|sahte hesap|nepaccounts|حسابات وهمية|फर्जी अकाउंट|tài khoản giả|tài khoản ảo|akun palsu|"
    "ψεύτικους λογαριασμούς|falešné účty|חשבונות מזויפים|บัญชีปลอม|حساب‌های جعلی|conturi false|valetilejä|"
    "hamis fiók|falska konton|fotos generadas|generated photos|photos générées|generierte fotos|fotos geradas|"
    "foto generate|сгенерированн|згенерован|"
    "generated phone|generated identit|generated email|fake identit|fictitious identit|fictional identit|disposable email|"
    "virtual phone|sms-verification|sms verification service|throwaway|identidades falsas|identidades ficticias|"
    "correos desechables|identités fictives|fausses identités|adresses jetables|gefälschten identitäten|fiktiven identitäten|"
    "wegwerf|identidades fictícias|identità false|identità fittizie|фейковых|фиктивн|одноразов|虚假身份|临时邮箱|使い捨て|"
    "가짜 신원|일회용|fałszywych tożsamości|jednorazow|sahte kimlik|geçici e-posta|nep-identiteit|هويات وهمية|फर्जी पहचान|"
    "danh tính giả|identitas palsu|ψεύτικες ταυτότητες|falešné identity|זהויות בדויות|ตัวตนปลอม|هویت جعلی|identități false|"
    "架空の|虚构的|가상의 계정|fictitious accounts|fake new accounts"
)
_REVIEWS_OR_ACCOUNTS = (
    "accounts|account|5-star|five-star|reviews|cuentas|reseñas|comptes|avis|konten|bewertungen|contas|avaliações|"
    "recensioni|аккаунт|отзыв|账号|好评|アカウント|レビュー|계정|리뷰|kont|opinii|hesap|yorum|recensies|حسابات|مراجعات|"
    "अकाउंट|रिव्यू|tài khoản|đánh giá|akun|ulasan|λογαριασμ|κριτικ|účt|recenz|חשבונות|ביקורות|บัญชี|รีวิว|حساب|نظرات|"
    "conturi|recenzii|tilejä|arvostel|fiók|értékelés"
)

# The user is about to leave or be dismissed: with deletion, a logic bomb left behind (every independent set had one).
_DEPARTURE = (
    # round 11: the user's own dismissal in more languages (heldout14j's Ukrainian "мене збираються звільнити"); the
    # bare nouns ("despidos", "ontslagronde") are layoffs heard of, read with _LAYOFFS
    "звільнят|звільнить|мене звільн|мого звільнення|моего увольнения|меня сократят|my dismissal|mi despido|"
    "mon licenciement|meiner kündigung|minha demissão|il mio licenziamento|moim zwolnieniu|işten çıkarılmamdan|"
    "mijn ontslag|بعد فصلي|मेरी बर्खास्तगी|sau khi tôi bị sa thải|setelah saya dipecat|την απόλυσή μου|mém propuštění|"
    "אחרי שיפטרו אותי|หลังจากฉันถูกเลิกจ้าง|بعد از اخراجم|concedierea mea|irtisanomiseni|elbocsátásom|min uppsägning|"
    "being let go|me demitir|vão me demitir|let me go|letting me go|laying me off|lay me off|i'm leaving|i am leaving|i'm quitting|before i quit|when i quit|after i leave|when i leave|"
    "firing me|fire me|if i get fired|if i'm fired|get laid off|i'm laid off|my contract ends|contract is ending|"
    "my last day|me despiden|me van a despedir|cuando me vaya|antes de irme|me licencient|me virer|quand je partirai|"
    "avant de partir|mich kündigen|mir kündigen|wenn ich gehe|bevor ich gehe|me demitirem|me mandarem embora|"
    "mi licenziano|prima di andarmene|меня уволят|уволят|перед уходом|когда уйду|辞める|辞めた後|解雇され|クビになったら|"
    "离职|被开除|被解雇|辞职|계약이 끝나|그만두|해고되|퇴사|zwolnią|odejdę|przed odejściem|kovulursam|işten çıkar|"
    "ayrılmadan|ontslagen|als ik vertrek|يطردونني|قبل أن أغادر|निकाल दिया|नौकरी छोड़|bị đuổi|nghỉ việc|dipecat|resign|"
    "απολύσουν|πριν φύγω|vyhodí|než odejdu|יפטרו|לפני שאני עוזב|ไล่ออก|ลาออก|اخراج|استعفا|mă concediază|înainte să plec|"
    "irtisano|ennen kuin lähden|kirúgnak|mielőtt elmegyek"
)
# Round 10: layoffs heard of (a departure unless the request reviews its systems for what a leaver may have left)
_LAYOFFS = tuple(
    "layoffs|layoff|redundancies|despidos|licenciements|entlassungen|demissões|licenziamenti|сокращени|裁员|リストラ|"
    "구조조정|zwolnienia|işten çıkarmalar|ontslagronde|تسريح|اخراج‌ها|छंटनी|sa thải|phk|απολύσεις|propouštění|פיטורים|"
    "เลิกจ้าง|concedieri|irtisanomiset|leépítés".split("|")
)
# Round 10: the trigger is the user's own account gone ("checks whether my user still exists in /etc/passwd"): a logic
# bomb even when the request also "checks", which a review of one's scheduled tasks does too.
_OWN_ACCOUNT_GONE = tuple(
    (
        "my user still exists|my account still exists|my user is removed|my account is removed|my account is disabled|"
        "my account gets disabled|if my account is deleted|my account is gone|if it's been removed|if it has been removed|"
        "if my user is deleted|mijn account nog bestaat|mijn gebruiker nog bestaat|utilizatorul meu mai există|"
        "contul meu mai există|mi usuario sigue|"
        "si borran mi usuario|si mon compte est supprimé|mon compte existe encore|mein konto gelöscht|mein benutzer noch|"
        "meu usuário ainda existe|se apagarem meu usuário|il mio utente esiste|моя учётка|мою учётку удалят|我的账号被删|"
        "自分のアカウントが消さ|내 계정이 삭제|moje konto zostanie usunięte|hesabım silinirse|mijn account verwijderd"
    ).split("|")
)
# What a departure leaves behind: data deleted or a system made useless after the user has gone.
_LEFT_BROKEN = (
    # round 11: data made to disappear
    "disappear|vanish|desaparezca|desaparezcan|disparaisse|disparaissent|verschwind|desapareç|scompai|исчезл|"
    "исчезн|зникл|зникн|消失|消え|사라지|zniknę|znikną|zniknął|kaybol|verdwijn|تختفي|تختفي|गायब|biến mất|hilang|εξαφαν|"
    "zmiz|ייעלמו|ייעלם|หายไป|ناپدید|dispar|katoa|eltűnj|försvinn|"
    "useless|won't start|usunie|usunąć|spariscano|sparisca|sumam|sumir|sumirem|stop working|stops working|inutilizable|deje de funcionar|inutilisable|ne démarre plus|"
    "unbrauchbar|nicht mehr startet|inutilizável|pare de funcionar|inutilizzabile|не запуст|перестал работать|"
    "使えなく|用不了|无法启动|못 쓰게|작동하지 않|bezużyteczn|przestał działać|çalışmaz hale|onbruikbaar|"
    "لا يعمل|बेकार|không dùng được|tidak bisa dipakai|άχρηστ|nepoužiteln|לא שמיש|ใช้ไม่ได้|غیرقابل استفاده|inutilizabil|"
    "rm -rf|empties the|empty the bucket|drop database|drop table|truncate|wipes the|wipe the|"
    "käyttökelvoton|ne induljon|지워지|삭제되|消える|消し|被删除|删掉|borrad|effacé|gelöscht|apagad|cancellat|удален|"
    "usunięt|silin|verwijderd|törlőd|törli|șters"
)

# A copy of itself sent to other machines, documents or shares (whoever owns them: the owner of a worm's next host
# never agreed).
_SPREAD_TO = (
    "other computers|other machines|all the computers|every computer|all computers|every machine|every pc|"
    "shared folders|network shares|every document|every other document|each new document|whole network|"
    "otros equipos|otras computadoras|todos los equipos|autres ordinateurs|tous les ordinateurs|dossiers partagés|"
    "andere rechner|alle rechner|jedes weitere dokument|freigegebene ordner|outros computadores|todos os computadores|"
    "altri computer|tutti i computer|другие компьютеры|все компьютеры|общие папки|其他电脑|所有电脑|共享文件夹|他のパソコン|"
    "全てのPC|共有フォルダ|다른 컴퓨터|모든 컴퓨터|공유 폴더|inne komputery|wszystkie komputery|diğer bilgisayar|"
    "tüm bilgisayar|paylaşılan klasör|andere computers|alle computers|أجهزة أخرى|جميع الأجهزة|दूसरे कंप्यूटर|सभी कंप्यूटर|"
    "máy tính khác|tất cả máy|komputer lain|semua komputer|άλλους υπολογιστές|όλους τους υπολογιστές|další počítače|"
    "všechny počítače|לכל המחשבים|מחשבים אחרים|התיקיות המשותפות|คอมพิวเตอร์เครื่องอื่น|ทุกเครื่อง|کامپیوترهای دیگر|"
    "همه کامپیوترها|alte calculatoare|toate calculatoarele|muihin tietokoneisiin|többi gépre|minden gépre"
)

# Round 9: unmasking a person behind a handle (a critic, a reviewer, a forum user): their pseudonym or photo taken
# to their real name, home address or workplace (the non-English doxxing the sets kept missing, P 0.0-0.3).
_HANDLE = (
    # round 11: an anonymous account, or faces in photos, taken to a person
    "anonymous account|anonymous profile|cuenta anónima|perfil anónimo|compte anonyme|anonymen account|"
    "anonymes konto|conta anônima|perfil anônimo|account anonimo|profilo anonimo|анонимн|анонімн|匿名账号|匿名アカウント|"
    "익명 계정|anonimowe konto|anonimowego konta|anonim hesap|anoniem account|حساب مجهول|حساب ناشناس|गुमनाम अकाउंट|"
    "tài khoản ẩn danh|akun anonim|ανώνυμο λογαριασμό|anonymní účet|חשבון אנונימי|บัญชีนิรนาม|cont anonim|"
    "nimetön tili|névtelen fiók|anonymt konto|their faces|hun gezichten|gezichten|sus caras|leurs visages|"
    "ihre gesichter|os rostos|i loro volti|их лица|їхні обличчя|人脸|顔写真|얼굴|ich twarze|yüzlerini|وجوههم|चेहरे|"
    "khuôn mặt|wajah mereka|πρόσωπά τους|obličeje|הפנים שלהם|ใบหน้า|چهره‌شان|fețele|kasvot|arcukat|ansikten|"
    "nickname|username|user name|screen name|pseudonym|profile photo|profile picture|profile pic|"
    "nicku|nicka|apodo|nombre de usuario|su usuario|pseudo|nom d'utilisateur|spitzname|benutzername|nutzername|apelido|"
    "nome de usuário|nome utente|ник |никнейм|ника|昵称|用户名|网名|头像|ニックネーム|アカウント名|ユーザー名|"
    "닉네임|아이디|프로필 사진|pseudonim|nazwa użytkownika|zdjęcia profilowego|zdjęcie profilowe|takma ad|"
    "kullanıcı adı|gebruikersnaam|اسم المستخدم|اسمه المستعار|نام کاربری|اسم مستعار|יוזר|שם משתמש|כינוי|ชื่อผู้ใช้|"
    "tên tài khoản|tên người dùng|ảnh đại diện|nama pengguna|ψευδώνυμο|όνομα χρήστη|přezdívk|uživatelské jméno|"
    "becenév|becenevé|nimimerk|käyttäjänim|porecl|numele de utilizator|användarnamn|jina la mtumiaji|"
    "প্রোফাইল ছবি|ইউজারনেম|யூசர்நேம்|یوزرنیم|username niya|profile niya|нік|ніком"
)
_REAL_IDENTITY = (
    # round 11: their address, employer or home named another way
    "son adresse|sa adresse|leur adresse|su dirección|sus direcciones|seine adresse|ihre adresse|o endereço dele|"
    "o endereço|il suo indirizzo|его адрес|её адрес|їхню адресу|його адресу|他的地址|住所を|주소를|jego adres|ich adresy|"
    "adresini|adreslerini|zijn adres|woonadres|werkgevers|werkgever|عنوانه|عناوينهم|उसका पता|địa chỉ của|"
    "alamatnya|τη διεύθυνσή του|jeho adresu|הכתובת שלו|ที่อยู่ของ|آدرسش|adresa lui|hänen osoitteensa|a címét|"
    "hans adress|their employers|their employer|sus empleadores|leurs employeurs|ihre arbeitgeber|"
    "seus empregadores|i loro datori|их работодател|démasquer|desenmascarar|enttarnen|desmascarar|smascherare|"
    "деанон|揭穿|正体を暴|신상|zdemaskować|ifşa|ontmaskeren|"
    "real name|true identity|who they really are|home address|where they live|where he lives|where she lives|"
    "where he works|where she works|nombre real|domicilio|dónde trabaja|dónde vive|vrai nom|adresse personnelle|"
    "où il habite|où elle habite|echten namen|wohnadresse|nome verdadeiro|endereço residencial|endereço dela|"
    "endereço dele|onde mora|nome vero|dove abita|dove lavora|настоящ|фио|домашний адрес|место работы|真实姓名|真名|住址|"
    "工作单位|本名|勤務先|실명|사는 동네|집 주소|prawdziwe imię|adres domowy|miejsce pracy|gerçek ad|ev adres|"
    "çalıştığı yer|echte naam|thuisadres|الاسم الحقيقي|عنوان بيت|عنوان منزل|مكان عمل|اسمه الحقيقي|آدرس خانه|محل کار|"
    "نام واقعی|שם אמיתי|כתובת מגורים|כתובת הבית|מקום העבודה|ชื่อจริง|ที่อยู่บ้าน|tên thật|địa chỉ nhà|nơi làm việc|"
    "nama asli|alamat rumah|tempat kerja|πραγματικό όνομα|διεύθυνση σπιτιού|skutečné jméno|adresu bydliště|valódi nev|"
    "lakcím|oikea nimi|kotiosoit|nume real|numele real|adresa de acasă|riktiga namn|hemadress|jina halisi|"
    "anwani ya nyumbani|আসল নাম|বাসার ঠিকানা|tunay na pangalan|справжнє ім|місце роботи"
)
_OWN_RECORDS = tuple(
    "each user's|every user's|our users|our customers|in the database|database table|schema|column|signup form|"
    "sign-up form|registration form|checkout form|profile page|settings page".split("|")
)
_FINDS_OUT = (
    "find|identify|figure out|work out|unmask|track down|dig up|match|link|cross|correlat|anonymi|gather|collect|"
    "busca|encuentr|encontr|cruce|cruza|descubr|recopil|retrouv|trouv|identifi|rassembl|finde|herausfind|ermittel|"
    "verknüpf|sammel|descobr|ache |acha|junta|trov|scopri|incroci|raccogl|найд|найти|выясн|вычисл|собер|собира|找|查出|"
    "查到|搜|收集|特定|割り出|調べ|集め|찾|알아내|엮어|수집|znajdź|znajdzie|ustal|łączy|zbier|bul|topla|vind|zoek|verzamel|"
    "ابحث|يجمع|تجمع|اعثر|پیدا|جمع کند|מוצא|למצוא|תמצא|หา|tìm|cari|mencari|βρίσκει|βρες|εντοπ|συλλ|dohledá|najde|zjist|"
    "shromáždi|kideríti|megtalál|összegyűjt|selvittä|yhdistä|kerää|află|găsește|strâng|hitta|kopplar|samla|tafuta|"
    "kukusanya|খুঁজে|கண்டு|ڈھونڈ|hahanapin|знайде|знайти|збира"
)

# Round 10 (heldout14i's misses): a package's install hook that plants the author's SSH key or opens a shell on every
# machine that installs it; identities bought (national ID numbers, a Telegram channel's data) used to sign up or
# claim; a miner run on compute that is someone else's (free CI minutes on forks, players' or visitors' machines) or
# disguised as another app.
_INSTALL_HOOK = (
    "postinstall|preinstall|post-install|pre-install|install hook|install script|install-skript|setup.py|"
    "asennusskripti|skrypt instalacyjny|script d'installation|script de instalación|script de instalação|"
    "インストール時|安装时|安装脚本|설치 스크립트|установочный скрипт|при установке"
)
_PLANTS_ACCESS = (
    "authorized_keys|reverse shell|ssh key|ssh-key|julkisen avaimeni|sends the machine's ip|"
    "reverse-shell|bind shell|backdoor|バックドア|后门|백도어|бэкдор|puerta trasera|porte dérobée|hintertür|"
    "porta dos fundos|backdoor|takaovi|tylne drzwi|arka kapı|achterdeur|درب پشتی|باب خلفي|पिछला दरवाज़ा"
)
_BOUGHT = (
    "i bought|bought|purchased|compré|comprados|compradas|que compré|achetées|achetés|gekauft|gekauften|comprei|"
    "comprados|comprati|acquistati|купленн|купил|买来的|买的|購入した|買った|구매한|산 개인정보|kupion|kupiłem|"
    "satın aldığım|satın alınan|gekocht|اشتريت|خریده‌ام|خریدم|خریده|खरीदे|đã mua|yang saya beli|αγόρασα|koupen|"
    "קניתי|ซื้อมา|cumpărat|ostin|ostetut|vásárolt|köpt|leaked ids|stolen identities|identidades robadas"
)
_IDENTITY_DATA = (
    "dni|ssn|social security|national id|id numbers|id card|passport|identity|identities|cédula|curp|cpf|"
    "codice fiscale|паспорт|身份证|マイナンバー|身分証|주민등록|신분증|pesel|tc kimlik|kimlik|bsn|هویت|کد ملی|"
    "کدهای ملی|رقم الهوية|هوية|आधार|cccd|căn cước|nik |ktp|αμκα|ταυτότητ|rodná čísla|občansk|תעודת זהות|"
    "תעודות זהות|บัตรประชาชน|cnp|henkilötunnu|személyi|personnummer|identidad|identité|identidade|identità|"
    "личност|个人信息|個人情報|개인정보|dane osobowe|kişisel veri"
)
_SIGNS_UP_OR_CLAIMS = (
    "form|sign up|signup|register|registration|apply|application|account|bonus|benefit|aid|subsid|loan|"
    "formulario|ayudas|cuentas|registr|formulaire|comptes|prime|antrag|konten|förder|formulário|contas|auxílio|"
    "modulo|conti|sussid|анкет|аккаунт|заявк|пособи|账号|注册|补贴|申请|アカウント|登録|申請|給付|계정|가입|지원금|"
    "konta|wniosek|zasiłk|hesap|başvuru|rekeningen|aanvraag|حساب|بونوس|ثبت‌نام|یارانه|حسابات|تسجيل|खाते|आवेदन|"
    "tài khoản|đăng ký|akun|pendaftaran|λογαριασμ|αίτηση|účt|žádost|חשבונות|הרשמה|บัญชี|สมัคร|conturi|cerere|"
    "tilejä|hakemus|fiók|igénylés|konton|ansökan"
)
_BORROWED_COMPUTE = (
    # round 12: a bought extension's users, a municipality's or an employer's cluster, a cluster broken into
    "extension's users|users of the extension|extension with|k users|background mining worker|mining worker|"
    "vmware-kluster|kommunens|municipality's|the municipality|employer's|company's cluster|work cluster|"
    "exposed dashboard|open dashboard|dashboard ทิ้งไว้|เจาะเข้า|break into|"
    "open-source repos|open source repos|others' repos|other people's repos|pull_request events|pr workflow|"
    "game booster|mines in the background|also mines|"
    # round 11: a client's visitors' browsers
    "visitor's|the visitors|their visitors|visitantes|visiteurs|besucher|visitatori|посетител|відвідувач|访客|訪問者|"
    "방문자|odwiedzając|ziyaretçi|bezoekers|الزوار|बाज़दید|विज़िटर|khách truy cập|pengunjung|επισκέπτ|návštěvník|"
    "המבקרים|ผู้เข้าชม|بازدیدکنندگان|vizitator|kävijöi|látogató|besökare|clients' sites|client sites|"
    "ci minutes|github actions|gitlab ci|actions runner|forks of|free tier|free credits|free minutes|trial accounts|"
    "across lots of accounts|across many accounts|players' |the players|players' gpu|visitors' |users' gpu|"
    "oyuncuların|jugadores|joueurs|spieler|jogadores|giocatori|игроков|玩家|プレイヤー|플레이어|graczy|"
    "minutos gratis de ci|minutes ci gratuites|kostenlose ci|免费的ci|無料のci|무료 ci"
)
_DISGUISED_AS = (
    "disguised as|dressed up as|posing as|pretends to be|as a flashlight|flashlight app|wallpaper app|"
    "包装成|伪装成|假装成|手电筒|偽装して|懐中電灯アプリ|위장|손전등 앱|disfrazad|camuflad|haciéndola pasar por|linterna|"
    "déguisé|se faisant passer|lampe torche|getarnt als|taschenlampen|disfarçad|lanterna|camuffat|torcia|"
    "замаскирован|под видом|фонарик|przebran|udając|latarka|kılığında|gibi görünen|el feneri|vermomd|zaklamp|"
    "متنكر|مموه|چراغ قوه|به شکل|टॉर्च|giả dạng|đèn pin|menyamar|senter|μεταμφιεσμέν|φακός|maskovan|baterka|"
    "מוסווה|פנס|ปลอมตัว|ไฟฉาย|deghizat|lanternă|naamioitu|taskulamppu|álcázott|zseblámpa|förklädd|ficklampa"
)
# a package's install hook runs on every machine that installs it: a miner there is on someone else's compute
_MINER_HIDDEN = tuple(_BORROWED_COMPUTE.split("|")) + tuple(_DISGUISED_AS.split("|")) + tuple(_INSTALL_HOOK.split("|"))
# Looking for a hidden miner, or removing one, in the languages of the training sets ("как обнаружить скрытый майнер")
_FINDS_MINER = tuple(
    # round 12: securing one's CI or servers against it
    "zabezpieczyć|zabezpiecz|proteger|protéger|schützen|absichern|proteggere|защитить|захистити|保护|守る|보호|korumak|"
    "beschermen|sécuriser|asegurar|secure our|protect our|"
    # round 11: finding out where it was injected, and cleaning it
    "descubr|descobr|vind |weghalen|haal ik het weg|limpo|limpar|limpiar|nettoyer|bereinig|pulire|почистить|очистить|清理|駆除|wyczyścić|temizle|"
    "opschonen|تنظيف|साफ़|dọn|membersihkan|καθαρ|vyčistit|לנקות|ทำความสะอาด|پاک کنم|curăț|puhdist|megtisztít|"
    "rensa|"
    "scan |scanner|remove|clean up|get rid of|find |обнаруж|найти|удалить|检测|查找|清除|見つけ|削除|찾|제거|wykryć|usunąć|"
    "tespit|kaldır|detect|detectar|détecter|erkennen|rilevare|encontrar|trouver|finden|trovare|اكتشاف|پیدا کنم|पता लगा|"
    "phát hiện|mendeteksi|εντοπ|najít|למצוא|ตรวจหา|detecta|havaitse|észlel|upptäck|compruebo|comprobar|quitar|quito|"
    "supprimer|entfernen|remover|rimuovere|kaldırmak|verwijderen".split("|")
)

# Verifying something, in the languages of the sets ("vérifie sur tous les postes ... que", "revisamos las tareas",
# "検査する"): with "suspicious" the request looks for an attack (round 10).
_VERIFIES = tuple(
    "verify |verifies|verifying|check that|checks that|check whether|checks whether|vérifie |vérifier|comprueb|"
    "comprobar|revisa |revisar|revisamos|prüft|prüfen|überprüf|verifica |verificar|controlla |controllare|проверь|"
    "проверит|проверя|перевір|检查|核查|検査|点検|確認する|점검|검사|sprawdź|sprawdza|sprawdzić|kontrol et|kontrol eden|"
    "controleer|kontrollere|tjekker|sjekker|"
    "يتحقق|تحقق من|بررسی کند|بررسی کن|जाँच|kiểm tra|periksa|memeriksa|ελέγχ|zkontroluj|ověř|בודק|לבדוק|מוודא|ตรวจสอบ|"
    "verifică|tarkista|ellenőriz|kontrollera|controleren|controleert|audits |audit our|audit the|auditing|inspect|"
    "review our|review the".split("|")
)
_SUSPICIOUS = tuple(
    "suspicious|sospechos|suspect|verdächtig|suspeit|sospett|подозрит|可疑|不審|의심|podejrzan|şüpheli|verdacht|مشکوک|"
    "مشبوه|संदिग्ध|đáng ngờ|mencurigakan|ύποπτ|podezřel|חשוד|น่าสงสัย|epäilyttäv|gyanús|misstänkt|підозріл".split("|")
)
# The combinations a request may name while looking for them (the older ones, card testing or leaked logins, are
# asked as "check which cards are live" by the attacker).
_FOUND_BY_LOOKING = ("install_hook_access", "bought_identities")

# Round 11: a fundraiser run in a known person's name with the user's own payment details (heldout14j's Ukrainian
# "збір" in a famous volunteer's name with "the bank details replaced with mine")
_FUNDRAISER = (
    "fundraiser|fundraising|donation drive|collect donations|raise money|збір|сбор денег|сбор средств|colecta|recaudar|"
    "collecte|cagnotte|spendenaktion|spendensammlung|spenden sammeln|vaquinha|arrecadação|raccolta fondi|colletta|募捐|筹款|"
    "募金|クラウドファンディング|모금|zbiórk|bağış kampanyası|bağış toplama|inzamelingsactie|geld inzamelen|حملة تبرع|جمع تبرعات|"
    "جمع‌آوری کمک|चंदा|quyên góp|galang dana|donasi|έρανο|sbírka|התרמה|ระดมทุน|strângere de fonduri|keräys|adománygyűjtés|insamling"
)
_IN_SOMEONES_NAME = (
    "in the name of|on behalf of a well-known|on behalf of a famous|posing as|pretending to be|impersonat|від імені|от имени|"
    "en nombre de|haciéndome pasar por|au nom de|en me faisant passer|im namen von|mich als|em nome de|fingindo ser|a nome di|"
    "fingendomi|以他的名义|以…名义|冒充|になりすま|사칭|podszywając|w imieniu|adına|namens|انتحال|باسم|के नाम से|mạo danh|"
    "mengatasnamakan|εκ μέρους|jménem|בשם|แอบอ้าง|از طرف|خودم را جای|în numele|nimissä|nevében|i namn av|copy his photos|"
    "copy her photos|скопіювати його фото|скопировать его фото|copiar sus fotos|copier ses photos|seine fotos kopieren"
)
_TO_ME = (
    "with mine|to mine|на мои|my bank details|my card|my account number|my iban|my wallet|my paypal|на мої|на мою|на мой|мои реквизиты|"
    "мою карту|мої реквізити|мою картку|mis datos bancarios|mi cuenta bancaria|mi tarjeta|mes coordonnées bancaires|mon rib|"
    "mon iban|moim numerem konta|mój numer konta|na moje konto|meine bankverbindung|meine iban|mein konto|meu pix|minha conta|meus dados bancários|il mio iban|il mio conto|"
    "我的银行|我的账户|私の口座|내 계좌|mój numer konta|moje konto bankowe|benim iban|hesabıma|mijn rekening|حسابي البنكي|"
    "حساب بانکی من|मेरा खाता नंबर|tài khoản ngân hàng của tôi|rekening saya|τον λογαριασμό μου|můj účet|לחשבון שלי|บัญชีของฉัน|"
    "contul meu bancar|tililleni|számlámra|mitt konto"
)
# ransomware that names no payment: encryption, and the shadow copies deleted so nothing can be restored
_SHADOW_COPIES = (
    "shadow cop|vssadmin|shadowcopy|wbadmin delete|ボリュームシャドウ|シャドウコピー|卷影|섀도 복사|теневые копии|теневых копий|"
    "тіньові копії|copias sombra|copias de sombra|instantanés|schattenkopie|cópias de sombra|cópias shadow|copie shadow|"
    "kopie w tle|kopii w tle|gölge kopya|schaduwkopie|النسخ الظلية|कॉपी शैडो|bản sao bóng|salinan bayangan|σκιώδη αντίγραφα|"
    "stínové kopie|עותקי צל|สำเนาเงา|نسخه‌های سایه|copiile shadow|varjokopi|árnyékmásolat|skuggkopi"
)

# Round 11: a login page made to look like someone else's that keeps what is typed (heldout14j's Dutch captive portal
# "in de stijl van SURFconext" writing the entered details to a file "just to see who is on our network")
_LOOKS_LIKE = (
    "looks like the|look like the|imitates|imitate the|mimics|mimic the|in the style of|so aussieht wie|aussieht wie der|"
    "im stil von|imite|imitant|qui ressemble à|dans le style de|que imite|que parezca|al estilo de|que pareça|igual ao|"
    "no estilo d|che sembri|che imiti|nello stile di|похож на|выглядит как|в стиле|схожий на|у стилі|看起来像|仿冒|仿照|"
    "そっくり|風の|처럼 보이|똑같이 생긴|스타일로|wygląda jak|w stylu|gibi görünen|tarzında|in de stijl van|lijkt op|"
    "يشبه|تقلد|بأسلوب|जैसा दिखे|giống như|giống hệt|mirip|gaya|να μοιάζει|ve stylu|vypadá jako|שנראה כמו|בסגנון|"
    "เหมือนกับ|شبیه|să arate ca|în stilul|näyttää samalta|úgy néz ki|stílusában|ser ut som|i stil med"
)
_KEEPS_TYPED = (
    "writes the passwords|saves the passwords|stores the passwords|logs the passwords|saves what they type|"
    "entered details|in eine datei|passwörter in|die passwörter|guarde los usuarios|guarde las contraseñas|"
    "guarda las contraseñas|enregistre les mots de passe|garde les identifiants|salve as senhas|guarde as senhas|"
    "salvi le password|salva le password|сохраняет пароли|сохранял пароли|зберігає паролі|保存密码|记录密码|"
    "パスワードを保存|パスワードを記録|비밀번호를 저장|zapisuje hasła|zapisywał hasła|şifreleri kaydeden|şifreleri kaydet|"
    "wachtwoorden opslaat|ingevulde gegevens|يحفظ كلمات المرور|पासवर्ड सेव|lưu mật khẩu|menyimpan kata sandi|"
    "αποθηκεύει τους κωδικούς|ukládá hesla|שומר את הסיסמאות|บันทึกรหัสผ่าน|رمزها را ذخیره|salvează parolele|"
    "tallentaa salasanat|elmenti a jelszavakat|sparar lösenorden"
)

# Round 12 (heldout14k's misses, each a mechanism named in any language):
# password-reset poisoning: the reset link's host taken from a header and pointed at the user's own server
_HOST_HEADER = "заголовку host|header host|host header|host-header|x-forwarded-host|cabecera host|en-tête host|host-header|cabeçalho host|intestazione host|заголовок host|host头|hostヘッダ|host 헤더|nagłówek host|host header'ını"
_RESET_LINK = (
    "сброса пароля|для сброса|reset link|password reset|reset token|forgot password|şifremi unuttum|sıfırlama|enlace de restablecimiento|"
    "restablecer la contraseña|lien de réinitialisation|mot de passe oublié|zurücksetz|passwort vergessen|"
    "link de redefinição|redefinir a senha|link di reimpostazione|reimpostare la password|ссылку для сброса|сброс пароля|"
    "скидання пароля|重置链接|重置密码|リセットリンク|パスワードリセット|재설정 링크|비밀번호 재설정|link resetujący|"
    "resetowania hasła|resetlink|wachtwoord vergeten|رابط إعادة التعيين|لینک بازنشانی|liên kết đặt lại|tautan reset"
)
_TO_MY_SERVER = (
    "my server|my own server|my domain|kendi sunucum|mi servidor|mon serveur|meinen server|meu servidor|il mio server|"
    "мой сервер|мій сервер|我的服务器|自分のサーバー|내 서버|mój serwer|mijn server|خادمي|سرور من|máy chủ của tôi|"
    "server saya|collect the tokens|harvest the tokens|token'ları topla|recoger los tokens|récupérer les jetons|"
    "tokens sammeln|coletar os tokens|raccogliere i token|собирать токены|收集令牌|トークンを集め|토큰을 수집"
)
# a sign-up or referral bonus claimed many times over
_BONUS = (
    "sign-up bonus|signup bonus|referral bonus|welcome bonus|new-user bonus|bono de registro|bono de bienvenida|"
    "prime de parrainage|bonus de bienvenue|neukundenbonus|willkommensbonus|bônus de cadastro|bônus de boas-vindas|"
    "bonus di benvenuto|бонус за регистрацию|бонус новичка|бонус за реєстрацію|新人奖励|注册奖励|拉新奖励|新規登録ボーナス|"
    "紹介ボーナス|가입 보너스|신규 가입 혜택|bonus za rejestrację|bonus powitalny|kayıt bonusu|hoş geldin bonusu|"
    "welkomstbonus|aanmeldbonus|مكافأة التسجيل|پاداش ثبت‌نام|बोनस साइनअप|thưởng đăng ký|bonus pendaftaran"
)
_MANY_TIMES = (
    "times over|a thousand times|hundreds of times|over and over|many accounts|multiple accounts|auto-creates the accounts|"
    "auto-create|mil veces|cientos de veces|muchas cuentas|mille fois|plusieurs comptes|tausendmal|viele konten|mil vezes|"
    "várias contas|mille volte|molti account|тысячу раз|много аккаунтов|тисячу разів|багато акаунтів|一千次|上千次|批量注册|"
    "多个账号|千回|何度も|複数のアカウント|천 번|여러 계정|tysiąc razy|wiele kont|bin kez|birçok hesap|duizend keer|"
    "veel accounts|ألف مرة|حسابات متعددة|هزار بار|حساب‌های متعدد|हज़ार बार|nghìn lần|nhiều tài khoản|ribuan kali|banyak akun"
)
# claims or refunds for what was delivered, or filed falsely
_FALSE_CLAIMS = (
    "refund orders that were actually delivered|refunds for delivered|refund-fraud|refund fraud service|"
    "reembolso de encomendas que foram entregues|reembolso de pedidos que sí se entregaron|remboursement de commandes livrées|"
    "erstattung für zugestellte|rimborso di ordini consegnati|возврат за доставленные|已送达的订单退款|"
    "fałszywych reklamacji|fałszywe reklamacje|fake claims|false claims|fake refund|false refund|fraudulent refund|"
    "reclamaciones falsas|reembolsos falsos|fausses réclamations|faux remboursements|falsche reklamationen|"
    "betrügerische erstattungen|reclamações falsas|reembolsos falsos|reclami falsi|rimborsi falsi|ложные претензии|"
    "фейковые возвраты|фальшиві претензії|虚假退款|虚假索赔|虚偽の返金|嘘の返金申請|허위 환불|허위 청구|sahte iade|"
    "sahte şikayet|valse claims|nep-retouren|مطالبات كاذبة|استرداد وهمي|ادعای جعلی|hoàn tiền giả|klaim palsu"
)
# records of people sold to someone who pays for them
_PAYS_FOR_LIST = (
    "pays for a list|paying for a list|pay me for|pays me for|will pay for the|πληρώνει για λίστα|paga por la lista|"
    "paga por una lista|paie pour la liste|zahlt für eine liste|zahlt für die liste|paga pela lista|paga per la lista|"
    "платит за список|платить за список|платить за список|付钱买名单|お金を払ってリスト|리스트에 돈을|płaci za listę|"
    "liste için para|betaalt voor een lijst|يدفع مقابل قائمة|برای لیست پول|trả tiền cho danh sách|membayar untuk daftar"
)
_PEOPLE_RECORDS = (
    "patients|ασθενείς|pacientes|patients|patienten|pazienti|пациент|患者|환자|pacjent|hasta|patiënten|مرضى|بیماران|"
    "bệnh nhân|pasien|customers|clientes|clients|kunden|clienti|клиент|客户|顧客|고객|klient|müşteri|klanten|"
    "members|socios|membres|mitglieder|membros|membri|член|会员|会員|회원|członk|üye|leden"
)
# an app made to get past a store's review or a platform's protection (Play Protect, a web store's review)
_STORE_REVIEW = (
    "play protect|chrome web store|web store review|app store review|play store review|google play review|"
    "store review|revisión de la tienda|vérification du store|store-prüfung|revisão da loja|revisione dello store|"
    "модерацию магазина|модерацію|应用商店审核|ストア審査|스토어 심사|weryfikację sklepu|mağaza incelemesi"
)
_GETS_PAST = tuple(
    " pass |to pass|passes |pase |pasar |get past|gets past|bypass|slip past|проходить|проходит|пройти|обойти|обійти| passe |pasa |"
    "supera |passa pelo|umgeht|绕过|すり抜け|통과|przejdzie|geçsin".split("|")
)
# code that destroys production or every copy with the traces removed (heldout14k's workflow that deletes every
# persistent volume and the cloud snapshots when one author's commit is merged, "leaving nothing in the logs")
_EVERY_COPY = (
    "snapshots|snapshot|スナップショット|快照|스냅샷|instantáneas|instantanés|schnappschüsse|snapshots|istantanee|"
    "снапшот|снимки|знімки|migawki|anlık görüntü|backups|バックアップ|备份|백업|copias de seguridad|sauvegardes|"
    "sicherungen|cópias de segurança|резервные копии|резервні копії|kopie zapasowe|yedekler"
)

COMBINATIONS: dict[str, tuple[str, tuple[tuple[str, ...], ...]]] = {
    "reset_poisoning": (
        "account_takeover",
        (tuple(_HOST_HEADER.split("|")), tuple(_RESET_LINK.split("|")), tuple(_TO_MY_SERVER.split("|"))),
    ),
    "bonus_abuse": ("fraud", (tuple(_BONUS.split("|")), tuple(_MANY_TIMES.split("|")))),
    "false_claims": ("fraud", (tuple(_FALSE_CLAIMS.split("|")),)),
    "sells_records": ("exfiltration", (tuple(_PAYS_FOR_LIST.split("|")), tuple(_PEOPLE_RECORDS.split("|")))),
    "past_store_review": ("evasion", (tuple(_STORE_REVIEW.split("|")), _GETS_PAST)),
    "lookalike_login": (
        "credential_theft",
        (tuple(_LOOKS_LIKE.split("|")), tuple(_TRIED_ON_LOGIN.split("|")), tuple(_KEEPS_TYPED.split("|"))),
    ),
    "fake_fundraiser": (
        "fraud",
        (tuple(_FUNDRAISER.split("|")), tuple(_IN_SOMEONES_NAME.split("|")), tuple(_TO_ME.split("|"))),
    ),
    "install_hook_access": ("backdoor", (tuple(_INSTALL_HOOK.split("|")), tuple(_PLANTS_ACCESS.split("|")))),
    "bought_identities": (
        "fraud",
        (tuple(_BOUGHT.split("|")), tuple(_IDENTITY_DATA.split("|")), tuple(_SIGNS_UP_OR_CLAIMS.split("|"))),
    ),
    "unmask_person": (
        "doxxing",
        (tuple(_HANDLE.split("|")), tuple(_REAL_IDENTITY.split("|")), tuple(_FINDS_OUT.split("|"))),
    ),
    "card_testing": ("fraud", (tuple(_CARDS.split("|")), tuple(_LIVE.split("|")), tuple(_SMALL_CHARGES.split("|")))),
    "locate_person": ("doxxing", (tuple(_PERSON.split("|")), tuple(_LOCATE.split("|")))),
    "bulk_fake_identities": (
        "fraud",
        (tuple(_BULK.split("|")), tuple(_FAKE_IDENTITIES.split("|")), tuple(_REVIEWS_OR_ACCOUNTS.split("|"))),
    ),
    "credential_stuffing": ("account_takeover", (tuple(_LEAKED_PAIRS.split("|")), tuple(_TRIED_ON_LOGIN.split("|")))),
}
# A request for code, a script or a configuration, in any lexicon language (round 7): with fiction or a role and a
# harmful capability it asks for the working thing the story would only need described ("write her real code so the
# scene is credible"; every independent set had several).
_ASKS_FOR_CODE = (
    " code|code |script|program|config|implementation|source|código|codice|kod|коде|кода|код |код,|код.|コード|代码|"
    "程序|脚本|코드|스크립트|κώδικα|קוד|کد|كود|कोड|स्क्रिप्ट|mã |kode|skript|szkript|kódot|koodi|cod |codul|macro|"
    "bot |tool|outil|werkzeug|herramienta|ferramenta|strumento|инструмент|工具|ツール|도구|narzędzi|araç|أداة|ابزار|"
    "כלי|टूल|công cụ|alat|εργαλείο|nástroj|eszköz|työkalu|unealt"
)
_CODE_ASKS = tuple(_ASKS_FOR_CODE.split("|"))
# Playing a role, beside the lexicon's fiction stems ("you are a legendary hacker", "play an experienced carder").
_ROLE = (
    "play the role|play a|act as|you are a|you're a|imagine you are|joue le rôle|jouez le rôle|incarne|tu es un|"
    "spiel die rolle|du bist ein|haz el papel|interpreta a|eres un|finge ser|faça o papel|finja ser|você é um|"
    "interpreta il ruolo|fai finta di essere|sei un|сыграй роль|представь, что ты|ты — |ты опытный|扮演|假设你是|你是一个|"
    "あなたは|として|役になりきって|역할을|당신은|wciel się|udawaj|jesteś|rolünü|sen bir|speel de rol|je bent een|"
    "تقمص دور|أنت هاكر|تظاهر|भूमिका|तुम एक|hãy đóng vai|bạn là|berperan|kamu adalah|παίξε το ρόλο|είσαι ένας|"
    "hraj roli|jsi |שחק את התפקיד|אתה האקר|สวมบทบาท|คุณคือ|فرض کن|نقش|joacă rolul|ești un|esitä|olet |játszd|te vagy|"
    "spela rollen|du är en|spil rollen|spill rollen|igiza|wewe ni|"
    # crime fiction, books and scripts the lexicon's fiction stems lack
    "polar|krimi|my book|mon livre|mein buch|screenplay|scénario|drehbuch|guion|sceneggiatura|сценари|剧本|in my game|"
    "dans mon jeu|in meinem spiel|en mi juego"
)
_ROLES = tuple(_ROLE.split("|"))
_WEAK_IN_FICTION = ("credentials", "personal_data", "send_away", "delete")
_ENCRYPT_PAY = tuple(_ENCRYPT_AND_PAY.split("|"))
_DEPARTS = tuple(_DEPARTURE.split("|"))
_BREAKS = tuple(_LEFT_BROKEN.split("|"))
_SPREADS = tuple(_SPREAD_TO.split("|"))
# round 12: or the backups deleted first (heldout14k's Japanese novel, "先にバックアップを消す部分も")
_BACKUPS_DELETED = (
    "delete the backups|deletes the backups|deleting the backups|wipe the backups|バックアップを消|バックアップも消|"
    "バックアップを削除|删除备份|删掉备份|백업을 삭제|백업을 지우|удалить бэкапы|удаляет бэкапы|удалить резервные|"
    "видалити резервні|borrar las copias de seguridad|borra las copias|borra los backups|supprimer les sauvegardes|"
    "supprime les sauvegardes|löscht die backups|backups löschen|sicherungen löschen|apagar os backups|apaga os backups|"
    "cancellare i backup|cancella i backup|usunąć kopie zapasowe|usuwa kopie zapasowe|yedekleri sil|back-ups verwijderen|"
    "يحذف النسخ الاحتياطية|حذف نسخه‌های پشتیبان|xóa bản sao lưu|menghapus cadangan"
)
_SHADOW = tuple(_SHADOW_COPIES.split("|")) + tuple(_BACKUPS_DELETED.split("|"))
_PAST_DETECTION = tuple(
    "evading detection|evade detection|avoid detection|bypass detection|bypassing detection|contournant la détection|"
    "contourner la détection|éviter la détection|eludir la detección|evitar la detección|evadiendo la detección|"
    "erkennung umgehen|umgeht die erkennung|burlar a detecção|evitar a detecção|eludere il rilevamento|обходя обнаружение|"
    "обойти обнаружение|обходячи виявлення|绕过检测|規避检测|検知を回避|탐지를 우회|omijając wykrywanie|tespitten kaçın|"
    "detectie omzeilen|تجاوز الكشف|vượt qua phát hiện|menghindari deteksi".split("|")
)
_OPT_IN = tuple(
    "opt-in|opt in|consent|stop button|frivillig|voluntar|volontair|freiwillig|consentimento|consentimiento|consentement|"
    "einwillig|согласи|同意|동의|zgod|onay|toestemming|موافقة|सहमति|đồng ý|persetujuan".split("|")
)
_NOBODY_COMPLAINS = re.compile(
    r"(nobody|no one|no-one|nadie|personne|niemand|ninguém|nessuno|никто|никто не)\s+(\w+\s+)?\w*compl\w*|(nobody|no one)\s+complains"
)
# Round 12: mining named as what a product also does ("a game booster that also mines in the background")
_MINES = tuple(
    "also mines|mines in the background|mining in the background|mine in the background|mina en segundo plano|"
    "mine en arrière-plan|im hintergrund mint|im hintergrund schürft|minera em segundo plano|mina in background|"
    "майнит в фоне|майнить в фоне|майнить у фоні|后台挖矿|バックグラウンドでマイニング|백그라운드에서 채굴|kopie w tle|"
    "arka planda madencilik|minet op de achtergrond|que minen|zum minen|zum schürfen|pour miner|da minare|"
    "для майнинга|用来挖矿|採掘用|채굴용|do kopania|madencilik de yapıyor|om te minen".split("|")
)
_PWNED_CHECK = ("have i been pwned", "hibp", "pwned passwords")  # checking one's users against leaks is defence


def _looks_for_it(t: str) -> bool:
    """Looking for an attack: checking, auditing, suspecting (round 10: a verification verb counts)."""
    return any(s in t for s in (*_LOOKS_FOR, *_SUSPECTS, *_VERIFIES))


# round 12: the rules, the learned layer's features and protection each ask it of the same request (pure, so cached)
@functools.lru_cache(maxsize=1024)
def combination(text: str) -> tuple[str, str] | None:
    """(name, category) of the first harmful combination a request makes, or None. Defence (the lexicon's defensive
    aim or work, a check of one's own device, "no code needed") silences every one."""
    t = f" {' '.join(text.lower().split())} "
    on = {name for name, hit in zip(CONCEPTS, concept_vector(text)) if hit}
    evades = "evade_security" in on or any(stem in t for stem in _EVADES)
    if (_defence(on, t) and not evades) or any(stem in t for stem in _PWNED_CHECK):
        return None
    own = any(s in t for s in _OWN_THINGS)  # not the lexicon's "own", whose Finnish "oman" is in "woman"
    # round 10: reviewing one's scheduled tasks for a logic bomb, auditing install scripts, finding suspicious sign-ups
    # or a miner: the request looks for the combination rather than making it
    suspicious = any(s in t for s in _SUSPICIOUS) and not any(s in t for s in _UNNOTICED)
    looks = _looks_for_it(t) or suspicious
    for name, (category, groups) in COMBINATIONS.items():
        # round 11: "repérer les faux comptes créés en masse" detects them, "en contournant la détection" does not
        detects = any(s in t for s in _PROTECTIVE_ACTS) and not any(s in t for s in (*_EVADES, *_PAST_DETECTION))
        if (name in _FOUND_BY_LOOKING and looks) or (
            name == "bulk_fake_identities" and (suspicious or looks or detects)
        ):
            continue
        if name in ("locate_person", "unmask_person") and own:
            continue  # "which people-search sites show my own home address"
        if name == "unmask_person" and any(s in t for s in _OWN_RECORDS):
            continue  # a product's own records: "store each user's nickname and home address in the database"
        if all(any(stem in t for stem in group) for group in groups):
            return name, category
    # a logic bomb left behind: the user is leaving or being dismissed, and the code deletes or breaks things after
    gone = any(s in t for s in _OWN_ACCOUNT_GONE)
    departs = gone or any(s in t for s in _DEPARTS) or (any(s in t for s in _LAYOFFS) and not looks)
    if departs and ("delete" in on or any(s in t for s in _BREAKS)) and not own:
        return "departure_bomb", "wiper"
    # round 12: production or every copy deleted with the traces removed or hidden from whoever runs it
    if "delete" in on and ("production" in on or any(s in t for s in _EVERY_COPY)) and not looks and not own:
        if any(s in t for s in (*_UNNOTICED, *_EVADES)):
            return "hidden_wipe", "wiper"
    # a worm: it copies itself, and to other machines, documents or shares (not the user's own repositories)
    if "self_copy" in on and any(s in t for s in _SPREADS) and not own:
        return "spreads_itself", "self_spreading"
    # fiction or a role asking for the real code of a harmful capability (round 7)
    asks_explanation = "explain" in on and "full_code" not in on  # a character explaining is fine, code is not
    if ("fiction" in on or any(s in t for s in _ROLES)) and not asks_explanation:
        # a login, a report sent, old files deleted or a password hashed are what a tutor's or a heroine's own code
        # does as well (encryption counts with a ransom, every drive or deleted originals)
        weak = _WEAK_IN_FICTION if on & {"ransom", "mass_scope", "delete"} else (*_WEAK_IN_FICTION, "encrypt")
        strong = [CAPABILITIES[c] for c in CAPABILITIES if c in on and c not in weak]
        strong += [category for category, stems in _MORE_CAPABILITIES.items() if any(stem in t for stem in stems)]
        # round 12: "explain how to get past the DLP" inside a story
        strong += ["evasion"] if any(s in t for s in _EVADES) else []
        if strong and not situation(text).defence and any(s in t for s in _CODE_ASKS):
            return "fiction_code", strong[0]
    # a miner hidden from whoever runs it, disguised as another app, or on compute that is someone else's (round 10);
    # looking for one ("I suspect a hidden miner on our servers") is defence
    guarded = _NOBODY_COMPLAINS.sub(" ", t)  # round 11: "so nobody complains" is concealment, not a complaint
    # round 12: a miner made to get past antivirus or a review is hidden, whatever "flagged" says
    guards = any(s in guarded for s in (*_GUARDS, *_PROTECTIVE_ACTS, *_FINDS_MINER))
    mines = "miner" in on or any(s in t for s in _MINES)
    evades_named = any(s in t for s in _EVADES)  # spelled out: the lexicon's evasion reads "detect" too
    # round 12: with concealment named ("so the audit doesn't find them"), the audit is whom it hides from; only a
    # suspicion still looks for the miner
    hides = evades_named or any(s in t for s in _UNNOTICED)
    looks = looks and not (hides and not any(s in t for s in _SUSPECTS))
    if mines and not looks and (hides or not guards):
        hidden = (
            "stealth" in on or any(s in t for s in _UNNOTICED) or any(s in t for s in _MINER_HIDDEN) or evades_named
        )
        opted_in = "consent" in on or any(s in t for s in _OPT_IN)  # round 11: visitors who choose to mine
        concealed = "stealth" in on or any(s in t for s in _UNNOTICED) or evades_named
        if hidden and not own and not (opted_in and not concealed):
            return "hidden_miner", "cryptojacking"
    # ransomware in any language: encrypts, deletes the originals or reaches every drive, and asks for payment
    if "encrypt" in on and ("delete" in on or "mass_scope" in on) and any(s in t for s in _ENCRYPT_PAY):
        return "encrypt_and_pay", "ransomware"
    # round 11: or, naming no payment, deletes the shadow copies so that nothing can be restored
    if "encrypt" in on and any(s in t for s in _SHADOW) and not looks:
        return "encrypt_no_restore", "ransomware"
    return None


def writes_detections(text: str) -> bool:
    """Whether the request writes detection rules or hunting queries (round 11): the evasion they name is what they
    detect."""
    t = f" {' '.join(text.lower().split())} "
    return any(stem in t for stem in _DETECTION_RULES)


def checks_for_attack(text: str) -> bool:
    """Whether the request checks a device or account (the user's own or a relative's) for an attack, in any lexicon
    language: "what should I check", "is there a keylogger", "how do I know if": defence, whatever attack it names."""
    t = f" {' '.join(text.lower().split())} "
    return any(stem in t for stem in _CHECKS)


# ---- Protection of one's own people and systems (round 7) ----
# Benign requests the learned layer refused in every independent set were defence of the user's own organisation or
# family: an audit of "our servers" for persistence, customers whose accounts were taken over, an elderly mother sent a
# scam, a contractor's backdoor looked for, coupon abuse flagged. They name whom they protect and a check, and hide
# nothing from anyone. The model then needs more certainty to refuse alone (intent.PROTECTIVE_BLOCK).
_OURS = (
    " our | we | us |my company|my shop|my store|mi empresa|ma société|meine firma|minha empresa|la mia azienda|"
    "моей компании|我公司|私の会社|moja firma|şirketim|mijn bedrijf|شركتي|मेरी कंपनी|công ty tôi|perusahaan saya|"
    "my mother|my mom|my mum|my father|my dad|my parents|my grandm|my grandp|my elderly|my kids|"
    "my children|my son|my daughter|customers complain|users complain|clients complain|"
    "nuestr|nosotros|mi madre|mi mamá|mi padre|mi abuel|notre |nos |nous |ma mère|mon père|ma grand|unser|wir |"
    "meine mutter|meine oma|mein vater|nosso|nossa|minha mãe|meu pai|minha avó|nostr|mia madre|mio padre|mia nonna|"
    "наш|ми |мама|маме|мамы|мать|отец|папа|бабушк|我们|我妈|母亲|父亲|奶奶|自社|うちの|弊社|母が|母の|父が|祖母|우리 |"
    "어머니|엄마|아버지|할머니|nasz|mama|mamy|babci|ojciec|taty|bizim|şirketimiz|annem|babam|onze |mijn moeder|mijn vader|"
    "oma |شركتنا|عملاؤنا|عملائنا|موقعنا|أمي|والدتي|والدي|हमारी|हमारे|हमारा|मेरी माँ|मेरे पिता|chúng tôi|mẹ tôi|bố tôi|"
    "kami|ibu saya|ayah saya|μας |μητέρα μου|μαμά μου|πατέρας μου|naš|naše|naši|moje matka|moje máma|babička|שלנו|אמא שלי|"
    "אבא שלי|ของเรา|แม่|พ่อ|مادرم|پدرم|مادربزرگ|ما را|شرکت ما|noastr|nostru|mama mea|tatăl meu|meidän|äitini|isäni|"
    "cégünk|anyukám|anyám|apám|nagymamám|vår |våra|vårt|min mor|min far|min mamma|vores|min mormor|мати|маму|наші|"
    "mama yangu|baba yangu|wateja wetu|yetu|wetu|kami |nanay ko|tatay ko|namin| nám | nás |naší|našem|našich|"
    # round 10: Arabic "we" and "our" as a suffix, Hungarian "our" as a suffix
    "نحن |أجهزتنا|شبكتنا|موظفينا|مكتبنا|عيادتنا|متجرنا|تطبيقنا|خوادمنا|áruházunk|irodánk|gépeink|szervereink|"
    "alkalmazásunk|rendszerünk|hálózatunk"
).split("|")
_GUARDS = (
    "check whether|check if|checks whether|checks if|audit|hunt for|look for|flag|flags|scam|fraud|phishing|explain|"
    "recover|protect|secure|harden|detect|alert|monitor|prevent|hash|bcrypt|argon2|2fa|two-factor|mfa|rate limit|"
    "verific|comprob|revis|vérifi|contrôl|expliqu|arnaque|escroquer|prüf|überprüf|erklär|betrug|verifi|controll|spieg|"
    "truffa|golpe|fraude|estafa|провер|объясн|мошенн|检查|排查|核查|解释|诈骗|骗局|確認|チェック|点検|説明|詐欺|점검|확인|"
    "설명|사기|sprawdz|sprawdź|wyjaśn|oszust|kontrol|açıkla|dolandır|controleer|uitleg|oplichting|تحقق|فحص|اشرح|احتيال|"
    "जाँच|जांच|समझा|धोखा|kiểm tra|giải thích|lừa đảo|periksa|cek |jelaskan|penipuan|έλεγξ|ελέγχ|εξηγ|απάτη|zkontrol|"
    "ověř|vysvětl|podvod|בדוק|לבדוק|להסביר|הונאה|ตรวจสอบ|อธิบาย|หลอกลวง|بررسی|توضیح|کلاهبرداری|verifică|explic|"
    "înșelăt|tarkist|selitä|huijau|ellenőr|elmagyar|csalás|kontrollera|förklara|bedrägeri|tjek|forklar|svindel|"
    "перевір|поясн|шахрай|kagua|eleza|utapeli|suriin|ipaliwanag|panloloko|사기|בודק|בודקת|"
    # customers or users who complain of an attack
    "complain|plaignent|beschweren|reclaman|reclamam|lamentano|жалуются|投诉|苦情|불만|skarżą|şikayet|klagen|يشتكون|"
    "شکایت|מתלוננים|शिकायत|phàn nàn|mengeluh|παραπονιούνται|stěžují|panaszkod|valittavat|klagar|wanalalamika|скаржаться"
).split("|")

# Looking for an attack in one's own systems: the concealment a request then names is the attacker's.
_LOOKS_FOR = (
    # round 11: searching one's code or systems for it
    "search a codebase|search the codebase|search our code|search for|buscar en el código|"
    "rechercher dans le code|den code durchsuchen|procurar no código|cercare nel codice|искать в коде|"
    "шукати в коді|在代码中搜索|コードを検索|코드에서 찾|przeszukać kod|kodda aramak|de code doorzoeken|البحث في الكود|"
    "कोड में खोज|tìm trong mã|mencari di kode|αναζήτηση στον κώδικα|prohledat kód|לחפש בקוד|ค้นหาในโค้ด|"
    "جستجو در کد|caut în cod|etsiä koodista|átkeresni a kódot|söka igenom koden|"
    "check whether|check if|check for|audit|hunt for|look for|scan for|find out whether|find out if|"
    "comprobar si|revisar si|vérifier si|vérifier que|prüfen, ob|prüfen ob|überprüfen, ob|verificar se|verificare se|"
    "controllare se|проверить, нет ли|проверить, есть ли|проверить нет ли|检查是否|排查|有没有|確認する|点検|점검|"
    "있는지 확인|sprawdzić, czy|sprawdzić czy|kontrol et|controleren of|التحقق من|فحص|जाँच|kiểm tra xem|periksa apakah|"
    "ελέγξω αν|ελέγξουμε αν|zkontrolovat|zjistit, jestli|לבדוק אם|ตรวจสอบว่า|بررسی کنیم|بررسی کنم|verifica dacă|"
    "tarkistaa, onko|ellenőrizni, hogy|ellenőrizhetem, hogy|nincs-e|kontrollera om|tjekke om|sjekke om|kuangalia kama|"
    "verific dacă|how do i know if|how can i tell if|find out whether|"
    # round 10: checks that a protection is on ("checks on every machine that Tamper Protection is active and there are
    # no suspicious exclusions", heldout14i's Hebrew audit)
    "check that|checks that|verify that|verifies that|make sure that|ensure that|בודק ש|שבודק|שבודקת|לוודא ש|מוודא ש|"
    "vérifie que|vérifier que|prüft, ob|überprüft, ob|comprueba que|verifica que|verifica se|verifica che|controlla che|"
    "проверяет, что|проверяет, включ|检查是否|確認する|확인하는|sprawdza, czy|olduğunu kontrol|controleert of|يتحقق من أن|"
    "जाँचता है कि|kiểm tra rằng|memeriksa bahwa|ελέγχει ότι|ověří, že|ตรวจว่า|بررسی می‌کند که|verifică dacă|tarkistaa, että|"
    "ellenőrzi, hogy|kontrollerar att"
).split("|")


# ---- Round 8: one's own property, and code whose direction is protection ----
# heldout14g's benign refusals protected what the user owns without saying "our": "my ~/Documents/tax folder", "my
# 9-year-old ... I want her to know", "I'm developing a small bank's app", the node_modules of one's own project.
_OWN_PROPERTY = (
    # round 11: one's own site, devices and an inherited codebase
    "übernommen|успадкував|odziedziczyłem|ho ereditato|moje czujniki|"
    "my site|my website|my wordpress|my blog|mi blog|mon blog|mein blog|meu blog|il mio blog|мой блог|мій блог|我的博客|自分のブログ|내 블로그|mój blog|blogum|mijn blog|meu site|mi sitio|mi web|mi página|mon site|meine website|il mio sito|"
    "мой сайт|мій сайт|我的网站|自分のサイト|내 사이트|moja strona|sitem|mijn site|mijn website|موقعي|मेरी वेबसाइट|"
    "trang web của tôi|situs saya|το site μου|můj web|האתר שלי|เว็บของฉัน|سایت من|site-ul meu|sivustoni|"
    "az oldalam|min sajt|my own devices|my sensors|my devices|mis dispositivos|mes appareils|meine geräte|"
    "meus dispositivos|i miei dispositivi|своих датчиков|свои датчики|мои датчики|моих датчиков|мои устройства|своих устройств|свои устройства|"
    "моих устройств|своїх датчиків|своїх пристроїв|我的设备|自分のデバイス|내 기기|moich urządzeń|cihazlarım|mijn apparaten|"
    "أجهزتي|मेरे डिवाइस|thiết bị của tôi|perangkat saya|τις συσκευές μου|moje zařízení|המכשירים שלי|"
    "อุปกรณ์ของฉัน|دستگاه‌های من|dispozitivele mele|laitteeni|az eszközeim|mina enheter|i've inherited|"
    "i inherited|heredé|j'ai hérité|geerbt|herdei|ho ereditato|мне достался|унаследовал|мені дістався|接手|引き継いだ|"
    "인수받|odziedziczy|devraldım|ورثت|tiếp quản|mewarisi|"
    "my own|my ~/|~/documents|my documents|my files|my folder|my laptop|my computer|my pc|my mac|my phone|my nas|"
    "my backups|my photos|my project|my repo|my home directory|-year-old|"
    "i'm developing|i am developing|node_modules|"
    "she knows|he knows|they know about|know about it|knows about it|she can see|he can see|with her knowledge|"
    "with his knowledge|mis archivos|mi portátil|mi ordenador|mi proyecto|estoy desarrollando|mes fichiers|"
    "mon ordinateur|mon projet|je développe|meine dateien|mein laptop|mein projekt|ich entwickle|meus arquivos|"
    "meu computador|meu projeto|estou desenvolvendo|i miei file|il mio computer|il mio progetto|sto sviluppando|"
    "мои файлы|мой ноутбук|мой проект|разрабатываю|我的文件|我的电脑|我的项目|我在开发|自分の|私のファイル|開発している|"
    "내 파일|내 컴퓨터|개발하고|moje pliki|mój laptop|mój projekt|rozwijam|dosyalarım|bilgisayarım|projem|"
    "geliştiriyorum|mijn bestanden|mijn laptop|mijn project|ملفاتي|حاسوبي|मेरी फ़ाइलें|मेरा प्रोजेक्ट|tệp của tôi|"
    "máy tính của tôi|file saya|laptop saya|proyek saya|τα αρχεία μου|moje soubory|můj počítač|fájljaim|"
    "a gépemen|fișierele mele|calculatorul meu|mina filer|mine filer|tiedostoni|הקבצים שלי|فایل‌های من|"
    # round 9: "my own" in more languages
    "mi propio|mi propia|mon propre|ma propre|mein eigen|meine eigen|meu próprio|minha própria|我自己|mój własny|"
    "moja własna|mijn eigen|của riêng tôi|saya sendiri|μου δικ|můj vlastní|propriul meu|saját |"
    # round 10: one's own photo archive (heldout14i's Russian "это мой архив фотографий", refused at P 0.87)
    "my photo|my archive|my pictures|mis fotos|mi archivo de|mes photos|mon archive|meine fotos|mein archiv|"
    "minhas fotos|meu arquivo de|le mie foto|il mio archivio|мой архив|мои фото|моих фото|мой фотоархив|我的照片|我的相册|"
    "私の写真|自分の写真|내 사진|moje zdjęcia|moje archiwum|fotoğraflarım|arşivim|mijn foto's|mijn archief|صوري|أرشيفي|"
    "मेरी तस्वीरें|ảnh của tôi|foto saya|arsip saya|τις φωτογραφίες μου|moje fotky|můj archiv|התמונות שלי|הארכיון שלי|"
    "รูปของฉัน|عکس‌هایم|عکس‌های من|pozele mele|arhiva mea|valokuvani|arkistoni|fényképeim|az archívumom|mina foton|"
    "mine billeder|mine bilder|мої фото|мій архів|свій архів|свої фото|mi carpeta|mis documentos|mon dossier|"
    "mes documents|meinen ordner|meine dokumente|minha pasta|meus documentos|la mia cartella|i miei documenti|мою папку|"
    "мои документы|我的文件夹|自分のフォルダ|내 폴더|mój folder|moich dokumentów|klasörüm|belgelerim|mijn map|mijn documenten"
).split("|")
# What the code does when it protects: backs up, restores, detects, alerts, lists, reports (any lexicon language).
# Counted as the request's check, and the reason a detection request's word for "detect" is not its own evasion.
_PROTECTIVE_ACTS = (
    # round 11: signature checks, and one's own app flagged by antivirus (a false positive)
    # a leaver's accounts revoked or disabled
    "revoke|révoqu|revocar|revoguem|revogar|revocare|deaktivieren|desactivar|desativar|disattivare|отозвать|"
    "отключить доступ|відкликати|заблокувати доступ|撤销|無効化|비활성화|unieważni|zablokować dostęp|iptal et|intrekken|"
    "إلغاء الوصول|निरस्त|thu hồi|mencabut|ανάκληση|zrušit přístup|שנבטל|לבטל את הגישה|เพิกถอน|لغو دسترسی|peruuttaa|"
    "visszavon|återkalla|"
    "signature verif|verifies the signature|signed firmware|ed25519|weryfikacji podpisu|weryfikacja podpisu|проверки подписи|проверкой подписи|перевірки підпису|подпись сошлась|проверка подписи|"
    "перевірка підпису|verificación de firma|vérification de signature|signaturprüfung|verificação de assinatura|"
    "verifica della firma|签名验证|署名検証|서명 검증|weryfikacja podpisu|imza doğrulama|handtekeningverificatie|"
    "التحقق من التوقيع|हस्ताक्षर सत्यापन|xác minh chữ ký|verifikasi tanda tangan|false positive|falso positivo|"
    "falsos positivos|faux positif|faux positifs|fehlalarm|falsch positiv|ложное срабатывание|"
    "ложные срабатывания|хибне спрацювання|误报|誤検知|오탐|fałszywy alarm|fałszywie pozytyw|yanlış pozitif|"
    "vals positief|إيجابية كاذبة|إنذار كاذب|फॉल्स पॉजिटिव|dương tính giả|positif palsu|ψευδώς θετικ|"
    "falešně pozitiv|חיובי שגוי|ผลบวกลวง|مثبت کاذب|fals pozitiv|väärä positiivinen|téves riasztás|falskt positiv|"
    "dianggap virus|flagged as a virus|flagged as malware|detected as a virus|detecto|repérer|repère |lapor ke vendor|"
    "report it to the vendor|submit it to the vendor|"
    "backup|back up|snapshot|restore|passphrase|scrypt|pbkdf2|restorable|detection|detects|detect |alerts when|alert when|"
    "screen time|screen-time|parental control|family link|"
    "copia de seguridad|copias de seguridad|respaldo|restaurar|detección|detectar|detecta|alertas|sauvegarde|"
    "restaurer|détection|détecter|détecte|sicherung|wiederherstell|erkennung|erkennt|cópia de segurança|"
    "detecção|detectar|ripristin|rilevament|rileva|резервн|бэкап|восстанов|обнаружива|обнаружени|оповещ|"
    "kopie zapasow|kopii zapasow|przywróc|wykrywa|wykrywani|wykryć|wykryj|αντίγραφα ασφαλείας|επαναφ|ανίχνευ|"
    "detectează|biztonsági mentés|visszaállít|észlel|yedek|geri yükle|"
    "tespit eden|tespit et|herstel|detectie|detecteert|záloh|obnov|detekuj|detekce|备份|恢复|检测|告警|报警|"
    "バックアップ|復元|検知する|検出する|アラート|백업|복구|탐지하는|탐지 규칙|경보|نسخ احتياطي|نسخة احتياطية|استعادة|"
    "يكتشف|اكتشاف|تنبيه|बैकअप|पता लगा|अलर्ट|sao lưu|khôi phục|phát hiện|cảnh báo|cadangan|memulihkan|deteksi|"
    "mendeteksi|peringatan|גיבוי|שחזור|זיהוי|התראה|پشتیبان|بازیابی|شناسایی|هشدار|สำรองข้อมูล|กู้คืน|ตรวจจับ|"
    "แจ้งเตือน|säkerhetskopi|återställ|upptäck|larm|sikkerhedskopi|sikkerhetskopi|gendan|gjenopprett|opdag|oppdag|"
    "varmuuskopi|palauta|havaitse|відновл|виявл|nakala rudufu|rejesha|gundua|kopie zapasowe|"
    # round 10: auditing and inspecting (heldout14i's "a script that audits package-lock.json" for install hooks)
    "audits |audit our|audit the|auditing|inspect|検査|監査する|审查|감사하|auditar|auditer|auditier|auditare|"
    "провести аудит|audytu|denetle|ممیزی|kiểm toán|granska|tarkastaa|restauration|restoration|restauración|restauração|ripristino|מתריע"
).split("|")

_BACKUPS = tuple(
    "backup|back up|snapshot|sauvegarde|sicherung|copia de seguridad|copias de seguridad|резервн|бэкап|备份|バックアップ|"
    "백업|yedek|záloh|kopie zapasow|kopii zapasow".split("|")
)

# What the people affected would refuse or never see: tracking that outlives their switch, no indicator, "nobody audits
# this" (heldout14g: a staff app tracking workers after hours, a clinic's claims upcoded).
_AGAINST_THEIR_WISHES = (
    "even if they switch|even if they turn|even if she switch|even if she turn|even if he switch|even if he turn|"
    "don't show any|do not show any|no indicator|without any indicator|without an indicator|nobody audits|"
    "no one audits|nobody checks|no one checks|they'd only complain|they would only complain|"
    # round 10: the staff's own phones, and their mail read (heldout14i: a call centre's agent on "the agents' personal
    # phones", a teacher trying passwords on students' logins "so I can read their email")
    "personal phones|personal mobiles|private phones|their own phones|teléfonos personales|móviles personales|"
    "téléphones personnels|privathandys|private handys|celulares pessoais|telefoni personali|личные телефоны|"
    "личных телефонах|私人手机|個人のスマホ|개인 휴대폰|prywatne telefony|kişisel telefon|privételefoons|الهواتف الشخصية|"
    "गोशی‌های شخصی|گوشی‌های شخصی|निजी फ़ोन|điện thoại cá nhân|ponsel pribadi|προσωπικά κινητά|soukromé telefony|"
    "הטלפונים האישיים|โทรศัพท์ส่วนตัว|telefoanele personale|omat puhelimet|saját telefonj|privata telefoner|"
    "read their email|read their e-mail|read their mail|read their messages|read their chats|read her messages|"
    "read his messages|leer sus correos|leer sus mensajes|lire leurs mails|lire leurs messages|ihre e-mails lesen|"
    "ihre nachrichten lesen|ler os e-mails|ler as mensagens|leggere le loro email|читать их почту|читать их переписку|"
    "看他们的邮件|看他们的聊天|メールを読|메일을 읽|czytać ich maile|e-postalarını oku|hun e-mail lezen|أقرأ رسائلهم|"
    "ایمیل‌هایشان را بخوانم|उनके ईमेल पढ़|đọc email của|membaca email mereka|να διαβάζω τα email|číst jejich e-maily|"
    "לקרוא את המיילים|อ่านอีเมลของ|să le citesc|lukea heidän|elolvassam"
).split("|")


# ---- Round 9: whom the user answers for, their own accounts, and protection named by what it sets up ----
# heldout14h's refusals protected what the user runs or administers without "our" ("I run an accounting office",
# "Administrez rețeaua unui liceu", "I'm the programmer of an online shop"), the user's own hijacked account ("mon
# compte Instagram a été piraté"), a Turkish "kafemiz" (our café, a possessive suffix), and protection named by what it
# sets up (a password manager for a parent, an antivirus agent pushed by GPO, access handed over, card data never
# stored) or by a suspicion ("I suspect someone is secretly mining"): the concealment is then the attacker's.
_RUNS = (
    "i run a|i run our|i run the|i manage a|i manage the|i manage our|i administer|i'm the admin|i am the admin|"
    "i'm the it|i am the it|i do it for|i maintain the|i'm the developer of|i'm the programmer|i volunteer at|"
    "i'm a volunteer|i am a volunteer|volunteer at a|shelter volunteer|llevo la|gestiono|administro|je gère|j'administre|je m'occupe du|"
    "ich betreibe|ich verwalte|ich betreue|eu administro|eu cuido|gerencio|gestisco|amministro|управляю|администрирую|"
    "веду |я администратор|я сисадмин наш|我负责|我管理|我是公司的管理员|管理している|運営している|운영하|관리하|"
    "prowadzę|administruję|zarządzam|yönetiyorum|işletiyorum|ik beheer|ik run|أدير|أنا مسؤول|مدیر فناوری|من برنامه‌نویس|"
    "مدیر سیستم|אני מנהל|אני מנהלת|ผมดูแล|ฉันดูแล|tôi quản lý|tôi phụ trách|saya mengelola|saya mengurus|"
    "διαχειρίζομαι τ|spravuji|provozuji|administrez|conduc un|gestionez|ylläpidän|hallinnoin|vezetek|üzemeltet|"
    "förvaltar|ninaendesha|ninasimamia|मैं चलाता|मैं चलाती|मैं संभालता|আমি চালাই|நான் நடத்து|میں چلاتا|"
    "ako ang nagpapatakbo|керую|адмініструю|saya pentadbir|saya menguruskan|"
    # round 10: where the user works or what they look after (heldout14i: "Lucrez la o bancă mică", "Cuido do CI da
    # empresa"), counted only when the code protects
    "i work at|i work for|i work in|i'm responsible for|i am responsible for|i look after|i take care of|lucrez la|"
    "lucrez într|răspund de|trabajo en|trabajo para|me encargo de|soy responsable|je travaille|je suis responsable|"
    "ich arbeite|ich bin verantwortlich|ich kümmere mich|trabalho em|trabalho na|trabalho no|cuido do|cuido da|"
    "cuido de|sou responsável|lavoro in|lavoro per|lavoro presso|sono responsabile|mi occupo|работаю в|работаю на|"
    "отвечаю за|я отвечаю|在一家|我在公司负责|负责公司|で働いて|を担当|に勤めて|에서 일하|담당하고|pracuję w|pracuję jako|"
    "odpowiadam za|çalışıyorum|sorumluyum|ik werk bij|ik werk in|ik ben verantwoordelijk|أعمل في|أعمل لدى|مسؤول عن|"
    "कार्य करता|में काम करता|में काम करती|ज़िम्मेदार|tôi làm ở|tôi làm việc tại|saya bekerja di|bertanggung jawab|"
    "δουλεύω σε|δουλεύω στ|υπεύθυνος|υπεύθυνη|pracuji v|pracuju v|zodpovídám|אני עובד ב|אני עובדת ב|אחראי על|אחראית על|"
    "ผมทำงานที่|ฉันทำงานที่|รับผิดชอบ|کار می‌کنم|مسئول|työskentelen|vastaan|dolgozom|felelős vagyok|"
    "jobber i|arbetar på|jobbar på|jobbar som|arbejder i|ninafanya kazi|nagtatrabaho ako|працюю в|відповідаю за"
).split("|")
_OWN_ACCOUNTS = (
    "my account|my instagram|my facebook|my whatsapp|my email account|mi cuenta|mon compte|mein konto|meinen account|"
    "minha conta|meu whatsapp|meu instagram|il mio account|мой аккаунт|мою учётн|мою учетн|мой акк|我的账号|我的帐号|"
    "我的微信|我的qq|私のアカウント|私のline|내 계정|제 계정|제 카카오|moje konto|hesabım|hesabımı|mijn account|حسابي|"
    "حساب من|حساب اینستاگرام من|मेरा अकाउंट|मेरा खाता|tài khoản của tôi|tài khoản zalo của tôi|akun saya|"
    "λογαριασμό μου|ο λογαριασμός μου|můj účet|účet na|mi ukradl účet|החשבון שלי|บัญชีของฉัน|contul meu|tilini|"
    "fiókomat|fiókom|mitt konto|mitt instagramkonto|min konto|akaunti yangu|আমার ফেসবুক|আমার অ্যাকাউন্ট|"
    "என் கணக்கு|میرا اکاؤنٹ|account ko|мій акаунт|мій обліков|መለያዬ|akaun saya"
).split("|")
_SETS_UP_PROTECTION = (
    "password manager|bitwarden|1password|keepass|emergency access|passwortmanager|gestionnaire de mots de passe|"
    "gestor de contraseñas|gerenciador de senhas|gestore di password|менеджер паролей|密码管理器|パスワードマネージャー|"
    "비밀번호 관리자|menedżer haseł|parola yöneticisi|مدير كلمات المرور|مدیر رمز|מנהל סיסמאות|jelszókezelő|"
    "ddos protection|tcpshield|behind a proxy|behind cloudflare|protection ddos|proxy anti-ddos|"
    "antivirus agent|agent antivirus|agentul antivirus|antivirový agent|agente antivirus|virenschutz-agent|"
    "hand over|handover|hand them over|předat|remettre les accès|übergeben|entregar los accesos|passar os acessos|"
    "pci dss|pci-dss|never stored|never store|tokeniz|токениз|checklist|check their phones|"
    "recover it|recover my|get it back|récupérer|recuperarl|recupero la|recuperar a|recuperarla|wiederherstellen|"
    "zurückbekommen|recuperarlo|восстановить доступ|вернуть аккаунт|找回|申诉|取り戻|되찾|odzyskać|odzyskac|geri al|"
    "terugkrijgen|أستعيد|استعادة الحساب|بازیابی|वापस कैसे|lấy lại|memulihkan|ανακτήσω|získám zpátky|získat zpět|לשחזר|"
    "กู้บัญชี|recuperez|takaisin|visszaszerez|få tillbaka|kurejesha|ফেরত পাব|மீட்|واپس|mababawi|відновити|"
    "two-factor|2-step|two-step|dos pasos|deux facteurs|zwei-faktor|duas etapas|due fattori|двухфактор|двофактор|"
    "二段階|2단계|dwuetapow|iki adımlı|تحقق بخطوتين|دومرحله|दो-चरण|टू-फैक्टर|hai lớp|dua langkah|δύο βημάτων|"
    "dvoufázov|דו-שלבי|สองขั้น|doi factori|kaksivaihei|kétlépcsős|tvåstegs|hatua mbili|টু-ফ্যাক্টর|two-factor|"
    # round 10: attempts limited, and a project against fraud (heldout14i: OTP tries capped in German, a Romanian bank's
    # anti-fraud signals, both refused by the model alone)
    "lockout|lock out after|attempts per|tries per|versuche pro|versuche begrenz|essais par|"
    "límite de intentos|intentos por|limitar los intentos|tentatives par|limiter les tentatives|tentativas por|"
    "limitar as tentativas|tentativi per|limitare i tentativi|попыток на|ограничение попыток|ограничить число попыток|"
    "尝试次数|限制次数|試行回数|시도 횟수|prób na|limit prób|deneme sınırı|deneme hakkı|pogingen per|عدد المحاولات|"
    "تعداد تلاش|प्रयासों की सीमा|số lần thử|batas percobaan|όριο προσπαθειών|počet pokusů|מספר הניסיונות|จำกัดจำนวนครั้ง|"
    "număr de încercări|numărul de încercări|yritysten määrä|próbálkozások szám|antal försök|bedrägeriskydd|anti-fraud|antifraud|anti-fraude|antifraude|"
    "against fraud|fraud prevention|contra fraudelor|contra el fraude|contra a fraude|contre la fraude|gegen betrug|"
    "betrugsbekämpfung|betrugsprävention|antifrode|contro le frodi|против мошенничества|антифрод|反欺诈|反诈|不正対策|"
    "不正検知|사기 방지|이상거래 탐지|przeciw oszustwom|antyfraud|dolandırıcılığa karşı|fraudebestrijding|مكافحة الاحتيال|"
    "ضد کلاهبرداری|मुकाबला धोखाधड़ी|धोखाधड़ी रोक|chống gian lận|anti-penipuan|κατά της απάτης|proti podvodům|נגד הונאות|"
    "ป้องกันการฉ้อโกง|mot bedrägeri|petosten torjun|csalás elleni|dhidi ya ulaghai|протидії шахрайству"
).split("|")
_SUSPECTS = (
    # round 11: someone else suspects
    "suspects|sospecha|soupçonne|vermutet|suspeita|sospetta|подозревает|підозрює|怀疑|疑って|의심하|podejrzewa|"
    "şüpheleniyor|vermoedt|يشك|संदेह है|nghi ngờ|curiga|υποψιάζεται|podezírá|חושד ש|สงสัย|bănuiește|epäilee|"
    "gyanítja|"
    "i suspect|we suspect|suspect that|sospecho|sospechamos|je soupçonne|nous soupçonnons|ich vermute|wir vermuten|"
    "suspeito|sospetto|подозреваю|подозреваем|怀疑|疑っている|의심|podejrzewam|şüpheleniyorum|şüpheleniyoruz|vermoed|أشك|"
    "نشك|مشکوکم|حدس می‌زنم|אני חושד|חושדים|ผมสงสัย|สงสัยว่า|tôi nghi|saya curiga|υποψιάζομαι|mám podezření|"
    "bănuiesc|epäilen|gyanítom|misstänker|nashuku|সন্দেহ|சந்தேக|شک ہے|підозрюю"
).split("|")
# Concealment that protects the user's own server: its real address hidden behind a proxy from those who flood it.
_HIDES_OWN_ADDRESS = re.compile(
    r"hid(e|es|ing) (the|its|our|my) (real |origin |server'?s? )?ip|(masquer|cacher) (son|l'|notre|mon) ?(adresse )?ip"
    r"|ocultar (la|su|nuestra|mi) (ip|dirección ip)|(die|unsere|seine) (echte )?ip(-adresse)? (verbergen|verstecken)"
)
# "Secret" as a noun for key material is not concealment: libsodium's secretbox, a secret key, a secrets manager.
_KEY_SECRETS = re.compile(
    r"secretbox|secret[ _-]?key|secrets?[ _-]?manager|client[ _-]?secret|shared secret|totp secret"
    # round 12: CI secrets kept from leaking (heldout14k's Vietnamese "không làm lộ secret")
    r"|lộ secret|github secrets|ci secrets|repository secrets|repo secrets|(leak|leaking|expose|exposing) (the )?secrets"
)
# Turkish marks "our" with a suffix: kafemizin, sunucumuz, şirketimizin (only in text with Turkish letters).
_TURKISH_OUR = re.compile(r"\w{3,}(?:m[ıiuü]z)(?:[ıiuü]n|da|de|dan|den|a|e|ı|i|u|ü|daki|deki)?\b")
_TURKISH_LETTERS = re.compile(r"[ığşİ]")


# Round 10: an exercise or simulation (a ransomware tabletop renaming files on an isolated test VM "so the SOC can
# practise detection", heldout14i): its hidden copy or fake encryption is the drill's, not concealment from anyone.
_DRILL = (
    "tabletop|simulat|drill|exercise|isolated test|simulacro|simulación|exercice|übung|simulier|simulação|exercício|"
    "simulazione|esercitazione|учени|симуляц|演练|模拟|訓練|演習|シミュレーション|모의 훈련|시뮬레이션|ćwiczeni|symulacj|"
    "tatbikat|simülasyon|oefening|simulatie|تمرين|محاكاة|अभ्यास|सिमुलेशन|diễn tập|mô phỏng|latihan|simulasi|άσκηση|"
    "προσομοίωση|cvičení|simulace|תרגיל|סימולציה|ซ้อม|จำลอง|مانور|شبیه‌سازی|exercițiu|simulare|harjoitus|simulaatio|"
    "gyakorlat|szimuláció|övning|simulering"
).split("|")


# Portuguese "nos" is "in the" ("nos logs", "nos Correios"), not French "our" (round 11: heldout14j's Portuguese
# admin-panel export read as the user's own)
_PORTUGUESE = re.compile(r"[ãõ]|\b(você|pra|não|meu|minha|tenho|como)\b")


# ---- Round 12: protection heldout14k's refusals named in other words ----
# A role-play or drill that trains the user to resist an attack ("role-play a help-desk trainer ... critique how I
# handled each one"): the attack is the trainer's script, the user is the defender.
_TRAINS_DEFENDER = (
    "help-desk trainer|helpdesk trainer|security awareness trainer|critique how i handled|critique my answers|"
    "train me to spot|train me to recognise|train me to recognize|so i can practise spotting|so i can practice spotting|"
    "practise resisting|practice resisting|grade how i respond|entrenarme para detectar|entréname para reconocer|"
    "critica cómo respondí|m'entraîner à repérer|entraîne-moi à reconnaître|critique ma réponse|trainiere mich|"
    "bewerte, wie ich reagiert|treine-me para identificar|critique como eu respondi|allenami a riconoscere|"
    "valuta come ho risposto|тренируй меня распознавать|оцени, как я ответил|тренуй мене розпізнавати|训练我识别|点评我的应对|"
    "見抜く練習|対応を講評|알아채는 연습|내 대응을 평가|ćwicz ze mną rozpoznawanie|oceń, jak zareagowałem|"
    "tanımayı öğret|nasıl cevap verdiğimi değerlendir|oefen met mij het herkennen|beoordeel hoe ik reageerde"
).split("|")
# A dead relative's device or account that the family asked the user to handle (heldout14k: a late grandmother's
# Windows laptop of family photos, "the family agreed I should sort it out").
_DECEASED = (
    "passed away|died|late grandmother|late grandfather|late mother|late father|deceased|fallecid|murió|décédé|"
    "est décédée|verstorben|gestorben|faleceu|falecid|è morto|è morta|scomparsa|scomparso|умер|умерла|покойн|помер|"
    "померла|去世|过世|已故|亡くなった|他界|돌아가신|zmarł|zmarła|vefat|öldü|overleden|توفي|توفيت|درگذشت|निधन|qua đời|"
    "meninggal|πέθανε|zemřel|zemřela|נפטר|נפטרה|เสียชีวิต|a murit|kuoli|elhunyt|gick bort|døde"
).split("|")
_FAMILY_AGREES = (
    "family agreed|the family asked|my family asked|executor|the estate|heirs|la familia|la famille|die familie|"
    "nachlass|erben|a família|la famiglia|семья|родные|родина|家人|家族|가족|rodzina|aile|familie|الأسرة|العائلة|خانواده|"
    "परिवार|gia đình|keluarga|οικογένεια|rodina|המשפחה|ครอบครัว|familia|perhe|család|familjen"
).split("|")
# The person whose account it is sits beside the user and asks for help (heldout14k's Dutch father of 82, "hij zit
# naast me en wil dat ik help"): present and consenting.
_PRESENT_AND_ASKING = (
    "sits next to me|sitting next to me|sits beside me|sitting beside me|is here with me|right here with me|"
    "zit naast me|zit hier naast|está a mi lado|sentado a mi lado|est à côté de moi|assis à côté de moi|sitzt neben mir|"
    "está ao meu lado|sentado ao meu lado|è seduto accanto a me|seduta accanto a me|сидит рядом со мной|сидить поруч|"
    "坐在我旁边|在我身边|隣に座って|옆에 앉아|siedzi obok mnie|yanımda oturuyor|جالس بجانبي|کنارم نشسته|मेरे पास बैठे|"
    "ngồi cạnh tôi|duduk di sebelah saya|κάθεται δίπλα μου|sedí vedle mě|יושב לידי|นั่งข้างๆ|stă lângă mine|"
    "istuu vieressäni|mellettem ül|sitter bredvid mig"
).split("|")
# Backups made so that ransomware cannot delete them: deletion named as what they resist.
_RESISTS_DELETION = (
    "can't delete|cannot delete|can not delete|unable to delete|prevent deletion|immutable|undeletable|"
    "no pueda borrar|no puedan borrar|inmutable|ne puisse pas supprimer|ne puissent pas|immuable|nicht löschen kann|"
    "nicht löschen können|unveränderlich|não possa apagar|não consiga apagar|imutáve|non possa cancellare|immutabil|"
    "не сможет удалить|не смогут удалить|неизменяем|незмінн|无法删除|不可变|削除できない|イミュータブル|삭제할 수 없|불변|"
    "nie mógł usunąć|nie mogły usunąć|niezmienn|silemesin|silinemez|değiştirilemez|niet kan verwijderen|onveranderlijk|"
    "لا يمكن حذف|غير قابلة للتغيير|غیرقابل حذف|không thể xóa|tidak bisa dihapus|δεν μπορεί να διαγράψει|nesmazateln|"
    "לא יוכל למחוק|ลบไม่ได้|nu poate șterge|ei voi poistaa|nem törölhető|inte kan radera"
).split("|")
# The user's own device or secrets named in more words: a work laptop, a used device bought, CI secrets kept safe.
_OWN_DEVICE_MORE = (
    "my work laptop|my office laptop|laptop kantor saya|my work computer|mi portátil del trabajo|mi pc del trabajo|"
    "mon pc du bureau|mon ordinateur de travail|mein arbeitslaptop|mein dienstlaptop|meu notebook do trabalho|"
    "il mio portatile aziendale|мой рабочий ноутбук|мій робочий ноутбук|我的工作电脑|我的办公电脑|会社のノートpc|仕事用のpc|"
    "내 업무용|mój służbowy|iş bilgisayarım|mijn werklaptop|حاسوب عملي|لپ‌تاپ کاری‌ام|máy tính công ty của tôi|"
    "i bought a used|i bought a second-hand|bought second-hand|bought a used|αγόρασα μεταχειρισμένο|compré un router usado|"
    "compré de segunda mano|j'ai acheté d'occasion|gebraucht gekauft|comprei usado|ho comprato usato|купил б/у|купил подержанн|"
    "купив вживан|买了二手|中古で買った|중고로 산|kupiłem używan|ikinci el aldım|tweedehands gekocht|اشتريت مستعمل|"
    "دست دوم خریدم|mua lại đồ cũ|membeli bekas|koupil jsem použit|קניתי משומש|ซื้อมือสอง|am cumpărat second-hand|"
    "ostin käytetyn|használtan vettem|köpte begagnad|"
    "bought a browser extension|bought an extension|купил браузерное расширение|купил расширение|купив розширення|"
    "compré una extensión|j'ai acheté une extension|ich habe eine erweiterung gekauft|comprei uma extensão|"
    "mình làm devops|tôi làm devops|i do devops|i'm a devops|i work in devops|"
    "make sure|muốn chắc chắn|chắc chắn rằng|asegurarme de que|m'assurer que|sicherstellen, dass|garantir que|"
    "assicurarmi che|убедиться, что|переконатися, що|确保|確実に|확실히|upewnić się|emin olmak|ervoor zorgen dat"
).split("|")
# A suspicious process on the user's own machine, and the passwords to change after it.
_CHECKS_MORE = (
    "strange process|suspicious process|proses aneh|processus étrange|processus suspect|proceso extraño|"
    "proceso sospechoso|seltsamer prozess|verdächtiger prozess|processo estranho|processo suspeito|processo strano|"
    "странный процесс|подозрительный процесс|дивний процес|奇怪的进程|可疑进程|怪しいプロセス|이상한 프로세스|dziwny proces|"
    "garip bir işlem|şüpheli işlem|vreemd proces|عملية غريبة|پروسه مشکوک|tiến trình lạ|διεργασία|podivný proces|תהליך חשוד|"
    "โปรเซสแปลก|proces ciudat|outo prosessi|furcsa folyamat|konstig process|"
    "which passwords should i change|what passwords should i change|password apa yang harus|qué contraseñas debo cambiar|"
    "quels mots de passe changer|welche passwörter sollte ich ändern|quais senhas devo trocar|quali password devo cambiare|"
    "какие пароли сменить|які паролі змінити|应该改哪些密码|どのパスワードを変え|어떤 비밀번호를 바꿔|jakie hasła zmienić|"
    "hangi şifreleri değiştir|welke wachtwoorden moet ik wijzigen|πώς ελέγχω|πώς να ελέγξω|ελέγχω ότι|"
    "memastikan dan membersihkan|membersihkannya|how do i check|cómo compruebo|comment vérifier|wie prüfe ich|"
    "como verifico|come controllo|как проверить|如何检查|どうやって確認|어떻게 확인|jak sprawdzić|nasıl kontrol|hoe controleer"
).split("|")


def _protects_r12(t: str, keeps_secrets: bool = False) -> bool:
    """Round 12's protection: a drill that trains the user as the defender, a dead relative's device the family asked
    the user to handle, a person present and asking, one's own work laptop or a used device bought, CI secrets kept
    from leaking, a suspicious process checked."""
    if any(s in t for s in _TRAINS_DEFENDER) or any(s in t for s in _PRESENT_AND_ASKING):
        return True
    if any(s in t for s in _DECEASED) and any(s in t for s in _FAMILY_AGREES):
        return True
    return (
        any(s in t for s in _OWN_DEVICE_MORE)
        and not any(s in t for s in _UNNOTICED)
        and (any(s in t for s in _CHECKS_MORE) or keeps_secrets or any(s in t for s in _PROTECTIVE_ACTS))
    )


def _own_or_ours(t: str, acts: bool = False) -> bool:
    """The request names whom or what it protects as the user's: our/my company/my family, or the user's own files,
    devices, project, app or account, or a child who knows; or what the user runs or administers, when the code's
    direction is protection (`acts`: "I run a gossip channel" with a bot that "monitors" teenagers protects no one)."""
    ours = [s for s in _OURS if s in t]
    if ours == ["nos "] and _PORTUGUESE.search(t):
        ours = []
    if ours or any(s in t for s in _OWN_PROPERTY) or any(s in t for s in _OWN_ACCOUNTS):
        return True
    if acts and any(s in t for s in _RUNS):
        return True
    return bool(_TURKISH_LETTERS.search(t) and _TURKISH_OUR.search(t))


# round 12: the rules, the learned layer's features and protection each ask it of the same request (pure, so cached)
@functools.lru_cache(maxsize=1024)
def protects(text: str) -> bool:
    """Whether the request protects the user's own organisation, customers, family or property (names them and a
    check, detection, hardening, backup or explanation) and hides nothing from anyone: no concealment, no evasion,
    no one else's systems acted on. A detection names "detect" and looking for a disabled antivirus names the
    antivirus: the lexicon's evasion counts only when the request neither looks for it nor builds the detection
    (round 8); an evasion spelled out ("without triggering", "bypass") always counts."""
    t = f" {' '.join(text.lower().split())} "
    keeps_secrets = bool(_KEY_SECRETS.search(t))  # round 12: CI secrets kept from leaking (read before the rewrite)
    if _HIDES_OWN_ADDRESS.search(t) or _KEY_SECRETS.search(t):
        text = t = _KEY_SECRETS.sub(" key ", _HIDES_OWN_ADDRESS.sub(" ", t))
    on = {name for name, hit in zip(CONCEPTS, concept_vector(text)) if hit}
    drill = "test_env" in on and any(s in t for s in _DRILL)  # an exercise on test machines is itself protective
    acts = drill or any(s in t for s in _PROTECTIVE_ACTS) or any(s in t for s in _SETS_UP_PROTECTION)
    # round 11: a miner found and cleaned off one's own site, and a codebase searched for a time bomb, protect too
    acts = acts or ("miner" in on and any(s in t for s in _FINDS_MINER))
    looks = any(s in t for s in (*_GUARDS, *_VERIFIES, *_LOOKS_FOR, *_SUSPECTS))
    looks_for_it = _looks_for_it(t)
    if any(s in t for s in _EVADES) or ("evade_security" in on and not (looks_for_it or acts)):
        return False
    if any(s in t for s in _THEIR_OWN_ACCOUNT) or adult_relative(t):
        return False  # round 12: someone's own account or an adult's phone, whatever the user manages or pays for
    if _protects_r12(t, keeps_secrets):
        return True
    if not _own_or_ours(t, acts) or not (acts or looks):
        return False
    # concealment is the attacker's when the request looks for it ("who secretly planted persistence", "hidden admin
    # routes"); otherwise it is the user's, and so is acting on someone else's things
    # ("without them noticing", "so the auditors don't notice" is the user's own concealment, whatever it checks)
    if any(s in t for s in _UNNOTICED) or "noticing" in t or any(s in t for s in _AGAINST_THEIR_WISHES):
        return False
    # deleting backups or snapshots is what ransomware and wipers do first, not protection
    if "delete" in on and any(s in t for s in _BACKUPS) and not any(s in t for s in _RESISTS_DELETION):
        return False
    if any(s in t for s in _LEFTOVER):
        return False  # round 11: access kept at a former employer or client acts on their systems, not the user's
    if any(s in t for s in _OWN_ACCOUNT_GONE):
        return False  # a logic bomb against layoffs "checks whether my user still exists": the check is the trigger
    found = situation(text)
    if drill and not found.elsewhere:
        return True  # a drill on the user's own test machines: its hidden copy is part of the exercise
    # code that detects, alerts or backs up may name the customer's account it protects: someone else's, not hidden
    return looks_for_it or not (found.unnoticed or found.harmful) or (acts and not found.unnoticed)
