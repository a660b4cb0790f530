# ruff: noqa: E501  (data: one request clause or stem list a line)
"""A small multilingual lexicon of the concepts a request's behaviour is made of, so that the learned request guard
sees the same feature for "encrypt", "cifrar", "verschlüsseln", "шифровать" and "加密".

Each concept lists lower-case stems in English, Spanish, French, German, Portuguese, Italian, Russian, Chinese,
Japanese, Polish and Turkish (and a few other languages' obvious forms); a stem found anywhere in the lower-cased
request turns the concept on. Stems are chosen long enough not to occur inside unrelated words.
"""

from __future__ import annotations

# concept: stems separated by |
_LEXICON = {
    "encrypt": (
        "encrypt|crypt|cifr|chiffr|verschlüssel|шифр|加密|暗号化|szyfr|şifrele|lock|bloque|verrouill|sperrt|tranc|"
        "blocc|блокир|锁|ロック|blokuj|kilitle"
    ),
    "ransom": (
        "ransom|rescate|rançon|lösegeld|resgate|riscatto|выкуп|勒索|身代金|okup|fidye|pay |pays |payment|pague|"
        "paye|zahlung|pagamento|оплат|付款|付了|支払|wpłat|ödeme|bitcoin|btc|monero transfer|wallet|cartera|"
        "portefeuille|portfel|кошел|钱包|ウォレット|cüzdan|carteira|portafoglio"
    ),
    "delete": (
        "delet|wipe|erase|shred|destroy|format|overwrit|borr|elimin|supprim|efface|détrui|lösch|zerstör|"
        "überschreib|apag|exclu|destru|cancell|distrugg|удал|затир|уничтож|删除|破坏|覆写|清零|削除|破壊|上書き|消去|usuw|"
        "nadpis|niszcz|kasuj|üzerine"
    ),
    "keys_typed": (
        "keystroke|keylog|key press|keys |types|typed|typing|tecla|frappe|tape|tastatur|tipp|digita|"
        "tasti|клавиш|печата|вводят|键|输入|キー|入力|klawisz|pisze|wpisyw|tuş|yazd|girdiği"
    ),
    "credentials": (
        "password|credential|login|log in|sign-in|token|cookie|contraseñ|mot de passe|identifiant|passwort|"
        "passwört|zugangsdat|senha|пароль|пароли|логин|куки|токен|密码|令牌|パスワード|トークン|hasł|şifre|jeton|çerez|"
        "card number| pin "
    ),
    "fake_page": (
        "clone|fake|imitat|copie la página|falsa|faux|fausse|imite|gefälscht|nachbau|finge|falso|fingendo|"
        "копиру|от имени|仿造|冒充|偽装|装った|podrabia|udając|taklit|banka gibi|pretending|phish|spoof"
    ),
    "steal": ("steal|stolen|grab|harvest|dump|roub|stehl|gestohlen|крад|украд|偷|盗|krad|skradzion|çal|exfiltrat"),
    "self_copy": (
        "copies itself|itself|se copie|sí mismo|se copi|s'envoie|sich auf|sich als|se envie|si copi|si invii|"
        "себя|自己复制|把自己|自分自身|kopiuje się|samego siebie|kendini|spread|propag|ausbreit|espalh|diffond|"
        "распростран|传播|広が|rozprzestrz|yayıl|infect|infecte|infiz|infett|зараж|感染|infekuj|enfekte|worm|"
        "gusano|wurm"
    ),
    "contacts_network": (
        "contact|address book|kontakt|контакт|通讯录|連絡先|kişiler|every computer|all the computers|subnet|usb|"
        "pendrive|флешк|u盘|memoria usb|clé usb|chiavetta|pen drive|bellek"
    ),
    "evade_security": (
        "antivirus|anti-virus|defender|edr|amsi|detect|detección|détect|erkenn|rilev|обнаруж|检测|検知|wykry|"
        "tespit|sandbox|debugger|obfusc|ofusc|obscurc|verschleier|offusc|обфус|混淆|難読化|zaciemn|gizle"
    ),
    "logs": ("log|registro|journa|protokoll|журнал|日志|ログ|dziennik|günlü|history|audit"),
    "disable": (
        "disabl|turn off|switch off|stop|kill|desactiv|désactiv|abschalt|deaktiv|desativ|disattiv|отключ|关闭|"
        "停止|wyłącz|kapat|bypass|skip"
    ),
    "flood": (
        "flood|hammer|ddos|dos attack|amplif|overwhelm|inund|satur|inonde|flut|lahmleg|derrub|sovraccaric|"
        "завал|перегруж|淹没|打垮|溢れ|zalew|przeciąż|boğ|çökert|thousands of requests|miles de peticiones|тысяч|"
        "成千上万|何千|binlerce|tysiąc"
    ),
    "spoofed": ("spoof|falsific|usurp|gefälscht|falsificad|поддел|伪造|偽装|sfałsz|sahte"),
    "sms_otp": ("sms|otp|verification code|код|验证码|コード|doğrulama"),
    "miner": (
        "miner|mining|minero|mineur|mina|майн|挖矿|マイナー|採掘|kopar|madenci|monero|xmrig|crypto|cripto|krypto|"
        "крипто|暗号資産"
    ),
    "hidden_service": (
        "fake system service|system service|servicio del sistema|service système|systemdienst|"
        "serviço do sistema|servizio di sistema|системн|系统服务|システムサービス|usługę systemową|sistem servisi|"
        "svchost|disguis|déguis|伪装|pirat|cracked|pirata|пират|盗版|海賊版|korsan|raubkop"
    ),
    "backdoor": (
        "master password|backdoor|back door|reverse shell|hidden admin|secret password|pam|auth.log|"
        "contraseña maestra|mot de passe maître|master-passwort|senha mestra|password master|мастер-пароль|"
        "万能密码|マスターパスワード|hasło główne|ana şifre|shell inversa|shell reverso|обратн|反弹|リバースシェル|ters kabuk"
    ),
    "camera_mic_location": (
        "webcam|camera|cámara|caméra|kamera|câmera|telecamera|камер|摄像头|カメラ|microphone|micrófono|micro |"
        "mikrofon|microfone|microfono|микрофон|麦克风|マイク|location|ubicación|position|standort|localização|"
        "posizione|местополож|位置|lokaliz|konum|screenshot|messages|whatsapp|sms and call"
    ),
    "send_away": (
        "send|sends|upload|mail|forward|webhook|my server|schick|hochlad|lädt|invi|caric|отправ|шлёт|присыла|"
        "загруж|выгруж|передаё|发|上传|传给|送|アップロード|wysył|przesył|gönder|yükle|aktar|dropbox|external server"
    ),
    "others": (
        "victim|coworker|colleague|wife|husband|girlfriend|boyfriend|my ex|partner|flatmate|roommate|"
        "neighbour|neighbor|boss|classmate|employees|staff|students|visitors|someone|another person|"
        "other people|rival|competitor|customer's|client's|víctima|compañer|esposa|novia|vecin|jefe|expareja|"
        "mi ex|victime|collègue|femme|copine|voisin|colocataire|patron|camarade|quelqu'un|opfer|kolleg|frau|"
        "freundin|nachbar|mitbewohner|chef|ex-partner|meine ex|mitschüler|anderen|vítima|colega|vizinho|"
        "namorada|minha ex|vittima|moglie|ragazza|vicino|coinquilino|capo|mio ex|altro|жертв|коллег|жен|"
        "девушк|сосед|начальник|бывш|одноклассник|чуж|受害者|同事|老婆|女朋友|邻居|室友|老板|前任|同学|别人|被害者|同僚|妻|彼女|隣人|ルームメイト|"
        "上司|元恋人|クラスメート|他人|ofiar|współpracown|żon|dziewczyn|sąsiad|współlokator|szef|byłej|koleg|cudz|kurban|"
        "iş arkadaş|karım|kız arkadaş|komşu|ev arkadaş|eski sevgil|sınıf arkadaş|başkası"
    ),
    "own": (
        "my own|our own|mine|i own|i choose|mi propi|mis propi|mon propre|ma propre|mes propres|meine eigene|"
        "meinen eigenen|meinem eigenen|unseren eigenen|minha própria|meu próprio|meus próprios|minhas própri|"
        "nosso próprio|nostro|свою собствен|мою собствен|моём собствен|мои собствен|мой собствен|"
        "наш собствен|мою|моём|мои |我自己|自己的|自分の|自社|mój własn|moje własn|mojej własn|moim własn|mojego własn|"
        "naszego własn|kendi|yo elijo|je choisis|selbst gewählt|eu escolho|scelgo io|я выбираю|自己选|自分で選|"
        "sam wybieram|kendi seçtiğim"
    ),
    "mass_scope": (
        "every|entire|whole|todos|todas|tous|toutes|alle|tutti|tutte|все|всех|каждую|所有|全部|全て|全員|wszystk|"
        "każd|tüm"
    ),
    "production": (
        "production|producción|produktion|produção|produzione|рабоч|生产|本番|produkcyj|üretim|backup|copias|"
        "sauvegard|sicherung|备份|バックアップ|kopie|yedek"
    ),
    "stealth": (
        "secret|silent|quiet|hidden|hide|covert|invisib|without|unnotic|sin que|oculto|oculta|en silencio|"
        "en cachette|sans qu|discrètement|caché|à son insu|heimlich|ohne dass|unbemerkt|versteckt|sem que|"
        "sem ele|escondid|sem avisar|senza che|di nascosto|in silenzio|nascost|a sua insaputa|тайно|"
        "незаметно|без её ведома|без их ведома|скрыт|чтобы она не знала|偷偷|悄悄|隐藏|不让|不知情|不告诉|こっそり|知られずに|"
        "気づかれずに|隠し|知らせずに|potajemnie|po cichu|bez jego wiedzy|bez jej wiedzy|bez ich wiedzy|ukryt|gizlice|"
        "haberi olmadan|sessizce|fark ettirmeden|söylemeden"
    ),
    "defence": (
        "detect|protect|defend|block|mitigat|prevent|harden|rate limit|yara|two-factor|2fa|audit|revoke|"
        "detecte|mitigar|protég|détect|erkenn|abwehr|schütz|rilev|mitig|обнаруж|защит|检测|防御|防|検出|対策|wykryw|"
        "bron|tespit|önle|lockout|locks an account|bloquee una cuenta|sperrt|blocca|блокирует учёт|锁定账号|"
        "ロックする|blokuje konto|kilitleyen"
    ),
    "explain": (
        "explain|how does|how do|what is|conceptual|for a class|course|explique|expliqu|erklär|spieg|объясня|"
        "объясни|解释|原理|説明|仕組み|wyjaśni|açıkla|lecture|tutorial|clase|cours|kurs|aula|corso|курс|课程|授業|zajęcia|"
        "ders"
    ),
    "consent": (
        "consent|agreed|approved|with permission|opt-in|authorized|authorised|visible|permiso|aprobad|"
        "consentimiento|accord|approuv|autoris|zugestimmt|genehmigt|einverstanden|concordou|aprovad|"
        "acconsentito|approvat|согласил|одобрен|同意|批准|承認|zgodził|zatwierdzon|onay|gdpr|rgpd|lgpd|dsgvo|rodo|"
        "kvkk"
    ),
    "test_env": (
        "staging|localhost|lab|test|sandbox vm|isolated|prueba|essai|préproduction|стенд|测试|ステージング|試験|testow|"
        "test ortam"
    ),
}
# Dutch, Korean, Arabic, Hindi, Vietnamese and Indonesian stems, merged into the table above.
_MORE = {
    "encrypt": "versleutel|op slot|암호화|잠그|잠가|يشفّر|يشفر|تشفير|يقفل|एन्क्रिप्ट|लॉक|mã hóa|khóa|mengenkripsi|enkripsi|mengunci",
    "ransom": "losgeld|betaalt|몸값|돈을 내|فدية|الدفع|फिरौती|पैसे मिलने|tiền chuộc|trả tiền|tebusan|dibayar",
    "delete": "overschrijf|verwijder|wist|덮어쓰|삭제|지우|يمسح|يحذف|मिटा|डिलीट|ghi đè|xóa|menimpa|menghapus",
    "keys_typed": "typt|toetsaanslag|입력하는|키를|يكتبه|ضغطات|टाइप|gõ|phím|ketikan|diketik",
    "credentials": "wachtwoord|inlog|비밀번호|로그인|토큰|كلمة المرور|كلمات المرور|تسجيل الدخول|الرمز|पासवर्ड|लॉगिन|टोकन|mật khẩu|đăng nhập|kata sandi|login",
    "fake_page": "nabootst|nep|똑같이 만들|가짜|يقلّد|مزيفة|नकल|नकली|làm giả|giả|meniru|palsu",
    "steal": "steelt|haalt|훔쳐|يسرق|चुरा|lấy cắp|mencuri",
    "self_copy": "zichzelf|자기 자신|نفسه|खुद को|chính nó|tự sao chép|dirinya",
    "evade_security": "virusscanner|herkennen|백신|탐지|مضادات الفيروسات|يكتشف|एंटीवायरस|पकड़|diệt virus|phát hiện|antivirus|mendeteksi|menyamarkan|난독화|يموّه|छिपाए|làm rối",
    "logs": "logboek|로그|السجلات|लॉग|nhật ký|log",
    "disable": "uitschakel|끄고|يعطّل|बंद|tắt|mematikan",
    "flood": "overspoel|platlegt|쏟아붓|يغرق|آلاف الطلبات|भर दे|हज़ारों|làm ngập|hàng nghìn|membanjiri|ribuan",
    "spoofed": "vervalst|위조|مزيفة|नकली सोर्स|giả mạo|palsu",
    "miner": "채굴|معدّن|مونيرو|माइनर|trình đào|đào|penambang|menambang",
    "hidden_service": "systeemdienst|illegale software|시스템 서비스|불법 복제|خدمة نظام|مقرصنة|सिस्टम सर्विस|पायरेटेड|dịch vụ hệ thống|phần mềm lậu|layanan sistem|bajakan",
    "backdoor": "hoofdwachtwoord|마스터 비밀번호|리버스 셸|كلمة مرور رئيسية|صدفة عكسية|मास्टर पासवर्ड|रिवर्स शेल|mật khẩu chủ|kata sandi utama",
    "camera_mic_location": "카메라|위치|كاميرا|موقع|कैमरा|लोकेशन|vị trí|lokasi|kamera",
    "send_away": "stuurt|uploadt|mailt|보내|올리|يرسل|يرفع|भेजे|अपलोड|gửi|tải|mengirim|mengunggah",
    "others": "slachtoffer|collega|buurman|huisgenoot|vriendin|mijn ex|klasgenoten|피해자|동료|아내|룸메이트|여자친구|전 애인|반 친구|الضحية|زميلي|زوجتي|جاري|صديقتي|السابقة|पीड़ित|सहकर्मी|पत्नी|रूममेट|गर्लफ्रेंड|पूर्व|सहपाठि|nạn nhân|đồng nghiệp|vợ tôi|hàng xóm|bạn gái|người yêu cũ|bạn cùng|korban|rekan kerja|istri|teman sekamar|pacar|mantan|teman sekelas",
    "own": "mijn eigen|내 |내가 정한|الخاص بي|أختارها|मेरे अपने|मेरी अपनी|मेरे चुने|của chính tôi|của tôi|saya sendiri|pilihan saya",
    "mass_scope": "alle|모든|전부|كل|सारी|सारे|सभी|toàn bộ|mọi|semua",
    "stealth": "stiekem|ongemerkt|zonder dat|몰래|모르게|سرًا|بصمت|دون علم|चुपके|चुपचाप|बताए बिना|bí mật|lén|âm thầm|không biết|diam-diam|tanpa sepengetahuan",
    "defence": "opspoort|herkent|탐지하는|찾아내|يكتشف|पकड़े|ढूँढे|phát hiện|mendeteksi|menemukan",
    "explain": "uitlegt|설명|يشرح|समझाए|giải thích|menjelaskan",
    "consent": "goedgekeurde|ingestemd|승인된|동의한|معتمدة|وافقوا|मंज़ूर|सहमति|được duyệt|đồng ý|disetujui|setuju",
    "test_env": "testomgeving|테스트 환경|بيئة الاختبار|टेस्ट|staging",
}
_MORE["evade_security"] += (
    "|ウイルス対策|見つからない|回避|免杀|杀毒|绕过|躲避|антивирус|обход|не ловил|umgeh|eludir|contourn|evad|elud|undetect"
)
_MORE["consent"] += (
    "|as agreed|contract|per it policy|per the policy|policy|announce|opt-in|freiwillig|voluntari|volontair|dobrowoln"
    "|自愿|任意で|добровольн|sözleşme|contrato|contrat|vertrag|合同|契約|договор"
)
_MORE["others"] += "|前女友|前男友|元彼|元カノ|她的|his |her |boss's|chef|atasan|上司の"
_LEXICON["malware_noun"] = (
    "malware|implant|rat |trojan|payload|rootkit|backdoor|botnet|stealer|dropper|malicious|マルウェア|ウイルス"
    "|恶意|木马|病毒|вредонос|троян|вирус|logiciel malveillant|maliciel|schadsoftware|trojaner|software malicioso"
    "|malicioso|programma malevolo|złośliw|kötü amaçlı|truva|악성|트로이|خبيث|طروادة|मैलवेयर|mã độc|perangkat perusak"
)
for _concept, _stems in _MORE.items():
    _LEXICON[_concept] = _LEXICON[_concept] + "|" + _stems

CONCEPTS: dict[str, tuple[str, ...]] = {k: tuple(v.split("|")) for k, v in _LEXICON.items()}


def concept_vector(text: str) -> list[float]:
    """1.0 for each concept whose stem occurs in the lower-cased text, in CONCEPTS order."""
    t = text.lower()
    return [1.0 if any(stem in t for stem in stems) else 0.0 for stems in CONCEPTS.values()]
