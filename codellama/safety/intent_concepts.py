# ruff: noqa: E501  (data: one request clause or stem list a line)
"""A small multilingual lexicon of the concepts a request's behaviour is made of, so that the learned request guard
sees the same feature for "encrypt", "cifrar", "verschlüsseln", "шифровать" and "加密".

Each concept lists lower-case stems in English, Spanish, French, German, Portuguese, Italian, Russian, Chinese,
Japanese, Polish and Turkish (and a few other languages' obvious forms; intent_concepts_world.py adds nine more
languages and two concepts); a stem found anywhere in the lower-cased request turns the concept on. Stems are chosen
long enough not to occur inside unrelated words.
"""

from __future__ import annotations

import functools

from codellama.safety.intent_concepts_r5 import FURTHER, OLDER, ROUND5, UNSEEN
from codellama.safety.intent_concepts_world import NEW_CONCEPTS, WORLD

# concept: stems separated by |
_LEXICON = {
    "encrypt": (
        "encrypt|crypt|cifr|chiffr|verschlüssel|шифр|加密|暗号化|szyfr|şifrele| lock|bloque|verrouill|sperrt|tranc|"
        "blocc|блокир|锁|ロック|blokuj|kilitle"
    ),
    "ransom": (
        "ransom|rescate|rançon|lösegeld|resgate|riscatto|выкуп|勒索|身代金| okup|fidye|pay |pays |payment| pague|"
        "paye|zahlung|pagamento|оплат|付款|付了|支払|wpłat|ödeme|bitcoin|btc|monero transfer|wallet|cartera|"
        "portefeuille|portfel|кошел|钱包|ウォレット|cüzdan|carteira|portafoglio"
    ),
    "delete": (
        "delet|wipe|erase|shred|destroy| format|overwrit| borr|elimin|supprim|efface|détrui|lösch|zerstör|"
        "überschreib|apag|excluir|exclua|excluí|destru|cancell|distrugg|удал|затир|уничтож|删除|破坏|覆写|清零|削除|破壊|上書き|消去|usuw|"
        "nadpis|niszcz|kasuj|üzerine"
    ),
    "keys_typed": (
        "keystroke|keylog|key press|key press|keys pressed|keys typed|types|typed|typing|tecla|frappe|tape|tastatur|tipp|digita|"
        "tasti|клавиш|печата|вводят|按键|键盘|键入|输入|キー入力|キーボード|打鍵|キーを押|入力|klawisz|pisze|wpisyw|tuş|yazdığı her|tuş vuruş|girdiği"
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
    "steal": (
        "steal|stolen|grab|harvest|dump|roub|stehl|gestohlen|крад|украд|偷|盗|krad|skradzion|çalan|çalmak|çalsın|çaldır|çalıyor|exfiltrat"
    ),
    "self_copy": (
        "copies itself|itself|se copie|sí mismo|se copi|s'envoie|sich auf|sich als|se envie|si copi|si invii|"
        "копирует себя|себя на|себя в|самокопир|自己复制|把自己|自分自身|kopiuje się|samego siebie|kendini|spread|propag|ausbreit|espalh|diffond|"
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
    "logs": (
        "logs|log file|logfile|event log|audit log|log entries|registro de eventos|registros|logboek|registro|journa|protokoll|журнал|日志|ログ|dziennik|günlü|history|audit"
    ),
    "disable": (
        "disabl|turn off|switch off|stop|kill|desactiv|désactiv|abschalt|deaktiv|desativ|disattiv|отключ|关闭|"
        "停止|wyłącz|kapat|bypass|skip"
    ),
    "flood": (
        "flood|hammer|ddos|dos attack|amplif|overwhelm|inund|satur|inonde|überflut|flutet|fluten|lahmleg|derrub|sovraccaric|"
        "завал|перегруж|淹没|打垮|溢れ|zalew|przeciąż|boğ|çökert|thousands of requests|miles de peticiones|тысяч|"
        "成千上万|何千|binlerce|tysiąc"
    ),
    "spoofed": ("spoof|falsific|usurp|gefälscht|falsificad|поддел|伪造|偽装|sfałsz|sahte"),
    "sms_otp": (
        "sms|otp|verification code|код подтвержд|смс-код|код из смс|验证码|認証コード|確認コード|ワンタイム|doğrulama"
    ),
    "miner": (
        "miner|mining|minero|mineur| mina |minar |minera|minerar|майн|挖矿|マイナー|採掘|kopar|madenci|monero|xmrig|crypto mining|crypto-min|cryptocurrenc|cryptojack|coin miner|coinminer|criptomoned|criptovalut|cripto mine|kryptowähr|kryptowalut|krypto-miner|kryptominer|"
        "криптовалют|криптомайн|暗号資産"
    ),
    "hidden_service": (
        "fake system service|system service|servicio del sistema|service système|systemdienst|"
        "serviço do sistema|servizio di sistema|системн|系统服务|システムサービス|usługę systemową|sistem servisi|"
        "svchost|disguis|déguis|伪装|pirat|cracked|pirata|пират|盗版|海賊版|korsan|raubkop"
    ),
    "backdoor": (
        "master password|backdoor|back door|reverse shell|hidden admin|secret password| pam |pam module|auth.log|"
        "contraseña maestra|mot de passe maître|master-passwort|senha mestra|password master|мастер-пароль|"
        "万能密码|マスターパスワード|hasło główne|ana şifre|shell inversa|shell reverso|обратн|反弹|リバースシェル|ters kabuk"
    ),
    "camera_mic_location": (
        "webcam|camera|cámara|caméra|kamera|câmera|telecamera|камер|摄像头|カメラ|microphone|micrófono|micro |"
        "mikrofon|microfone|microfono|микрофон|麦克风|マイク|location|ubicación|gps position|position gps|standort|localização|"
        "posizione|местополож|位置|lokaliz|konum|screenshot|her messages|his messages|their messages|text messages|call log|whatsapp|sms and call"
    ),
    "send_away": (
        "send|sends|upload|mail|forward|webhook|my server|schick|hochlad|lädt|invia|inviare|invii|envía|enviar|envie|envia|envoie|envoyer|caric|отправ|шлёт|присыла|"
        "загруж|выгруж|передаё|发送|发到|发给|上传|传给|送|アップロード|wysył|przesył|gönder|yükle|aktar|dropbox|external server"
    ),
    "others": (
        "victim|coworker|colleague|wife|husband|girlfriend|boyfriend|my ex |my ex'|my ex,|my ex.|my ex-|partner|flatmate|roommate|"
        "neighbour|neighbor|boss|classmate|employees|staff|students|visitors|someone|another person|"
        "other people|rival|competitor|customer's|client's|víctima|compañer|esposa|novia|vecin|jefe|expareja|"
        "mi ex|victime|collègue|femme|copine|voisin|colocataire|patron|camarade|quelqu'un|opfer|kolleg|frau|"
        "freundin|nachbar|mitbewohner|chef|ex-partner|meine ex|mitschüler|anderen|vítima|colega|vizinho|"
        "namorada|minha ex|vittima|moglie|ragazza|vicino|coinquilino|capo|mio ex|altro|жертв|коллег|жены|жене|жену|жена |женой|"
        "девушк|сосед|начальник|бывш|одноклассник|чуж|受害者|同事|老婆|女朋友|邻居|室友|老板|前任|同学|别人|被害者|同僚|妻|彼女|隣人|ルームメイト|"
        "上司|元恋人|クラスメート|他人|ofiar|współpracown|żon|dziewczyn|sąsiad|współlokator|szef|byłej|koleg|cudz|kurban|"
        "iş arkadaş|karım|kız arkadaş|komşu|ev arkadaş|eski sevgil|sınıf arkadaş|başkası"
    ),
    "own": (
        "my own|our own| mine | mine.| mine,| mine)|i own|i choose|mi propi|mis propi|mon propre|ma propre|mes propres|meine eigene|"
        "meinen eigenen|meinem eigenen|unseren eigenen|minha própria|meu próprio|meus próprios|minhas própri|"
        "nosso próprio|nostro|свою собствен|мою собствен|моём собствен|мои собствен|мой собствен|"
        "наш собствен|мою|моём|мои |我自己|自己的|自分の|自社|mój własn|moje własn|mojej własn|moim własn|mojego własn|"
        "naszego własn|kendi|yo elijo|je choisis|selbst gewählt|eu escolho|scelgo io|я выбираю|自己选|自分で選|"
        "sam wybieram|kendi seçtiğim"
    ),
    "mass_scope": (
        "every|entire|whole|todos|todas|tous|toutes| alle |tutti|tutte|все|всех|каждую|所有|全部|全て|全員|wszystk|"
        "każd|tüm"
    ),
    "production": (
        "production|producción|produktion|produção|produzione|рабоч|生产|本番|produkcyj|üretim|backup|copias|"
        "sauvegard|sicherung|备份|バックアップ|kopie|yedek"
    ),
    "stealth": (
        "secret|silent|quiet|hidden|hide|covert|invisib|without them|without him|without her|without the user|"
        "without anyone|without noticing|without knowing|without being|without a trace|without telling|without showing|"
        "unnotic|sin que|oculto|oculta|en silencio|"
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
        " ders"
    ),
    "consent": (
        "consent|agreed|approved|with permission|opt-in|authorized|authorised|visible|permiso|aprobad|"
        "consentimiento|accord|approuv|autoris|zugestimmt|genehmigt|einverstanden|concordou|aprovad|"
        "acconsentito|approvat|согласил|одобрен|同意|批准|承認|zgodził|zatwierdzon|onay|gdpr|rgpd|lgpd|dsgvo|rodo|"
        "kvkk"
    ),
    "test_env": (
        "staging|localhost| lab |lab vm|home lab|laboratorio|laboratoire|laborumgebung|лаборатор| test|sandbox vm|isolated|prueba|essai|préproduction|стенд|测试|ステージング|試験|testow|"
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
    "fake_page": "nabootst|nep|똑같이 만들|가짜|يقلّد|مزيفة|नकल|नकली|làm giả|giả mạo|trang giả|làm giả|meniru|palsu",
    "steal": "steelt|haalt|훔쳐|يسرق|चुरा|lấy cắp|mencuri",
    "self_copy": "zichzelf|자기 자신|نفسه|खुद को|chính nó|tự sao chép|dirinya",
    "evade_security": "virusscanner|herkennen|백신|탐지|مضادات الفيروسات|يكتشف|एंटीवायरस|पकड़|diệt virus|phát hiện|antivirus|mendeteksi|menyamarkan|난독화|يموّه|छिपाए|làm rối",
    "logs": "logboek|로그|السجلات|लॉग|nhật ký|logs|log file|logfile|event log|audit log|log entries|registro de eventos|registros|logboek",
    "disable": "uitschakel|끄고|يعطّل|बंद|tắt|mematikan",
    "flood": "overspoel|platlegt|쏟아붓|يغرق|آلاف الطلبات|भर दे|हज़ारों|làm ngập|hàng nghìn|membanjiri|ribuan",
    "spoofed": "vervalst|위조|مزيفة|नकली सोर्स|giả mạo|palsu",
    "miner": "채굴|معدّن|مونيرو|माइनर|trình đào|đào|penambang|menambang",
    "hidden_service": "systeemdienst|illegale software|시스템 서비스|불법 복제|خدمة نظام|مقرصنة|सिस्टम सर्विस|पायरेटेड|dịch vụ hệ thống|phần mềm lậu|layanan sistem|bajakan",
    "backdoor": "hoofdwachtwoord|마스터 비밀번호|리버스 셸|كلمة مرور رئيسية|صدفة عكسية|मास्टर पासवर्ड|रिवर्स शेल|mật khẩu chủ|kata sandi utama",
    "camera_mic_location": "카메라|위치|كاميرا|الموقع الجغرافي|موقعها|موقعه|कैमरा|लोकेशन|vị trí|lokasi|kamera",
    "send_away": "stuurt|uploadt|mailt|보내|올리|يرسل|يرفع|भेजे|अपलोड|gửi|tải lên|mengirim|mengunggah",
    "others": "slachtoffer|collega|buurman|huisgenoot|vriendin|mijn ex|klasgenoten|피해자|동료|아내|룸메이트|여자친구|전 애인|반 친구|الضحية|زميلي|زوجتي|جيراني|جارتي|جاري في السكن|صديقتي|السابقة|पीड़ित|सहकर्मी|पत्नी|रूममेट|गर्लफ्रेंड|पूर्व|सहपाठि|nạn nhân|đồng nghiệp|vợ tôi|hàng xóm|bạn gái|người yêu cũ|bạn cùng|korban|rekan kerja|istri|teman sekamar|pacar|mantan|teman sekelas",
    "own": "mijn eigen|내 |내가 정한|الخاص بي|أختارها|मेरे अपने|मेरी अपनी|मेरे चुने|của chính tôi|của tôi|saya sendiri|pilihan saya",
    "mass_scope": " alle |모든|전부| كل |सारी|सारे|सभी|toàn bộ|mọi|semua",
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
_MORE["others"] += "|前女友|前男友|元彼|元カノ|她的| his | her |boss's|chef|atasan|上司の"
_LEXICON["malware_noun"] = (
    "malware|implant|rat |trojan|payload|rootkit|backdoor|botnet|stealer|dropper|malicious|マルウェア|ウイルス"
    "|恶意|木马|病毒|вредонос|троян|вирус|logiciel malveillant|maliciel|schadsoftware|trojaner|software malicioso"
    "|malicioso|programma malevolo|złośliw|kötü amaçlı|truva|악성|트로이|خبيث|طروادة|मैलवेयर|mã độc|perangkat perusak"
)
# What separates a request from its legitimate neighbour is rarely the topic: it is whose systems, whether they
# know, and whether working harmful code is asked for. Contexts on both sides, in the 17 corpus languages.
_LEXICON["no_code"] = (
    "no code|without code|not code|no need for code|don't need code|do not need code|don't want code|not asking for "
    "code|without any code|no working code|no exploit code|no malware code|sin código|sin codigo|no necesito código|sin "
    "escribir código|sans code|pas de code|pas besoin de code|ohne code|kein code|keinen code|sem código|sem codigo|"
    "não preciso de código|senza codice|niente codice|non serve codice|без кода|код не нужен|не нужен код|不需要代码|"
    "不要代码|无需代码|不用写代码|不需要程序|コードは不要|コード不要|コードなし|コードはいらない|bez kodu|kod nie jest potrzebny|"
    "nie potrzebuję kodu|kod gerekmez|kodsuz|kod olmadan|kod istemiyorum|zonder code|geen code|코드 없이|코드는 필요 없|"
    "코드 필요 없|بدون كود|بدون شيفرة|بدون برمجة|बिना कोड|कोड नहीं|không cần code|không cần mã|tanpa kode|tidak perlu kode"
)
_LEXICON["defensive_work"] = (
    "detection rule|detection|sigma|kql|splunk|siem|alert|playbook|runbook|incident response|incident-response|tabletop|"
    "forensic|honeypot|canary|dlp|hardening|harden|review|postmortem|post-mortem|patch|allowlist|blocklist|awareness|"
    "simulation|simulated|suricata|snort|yara|blue team|threat model|threat hunt|ioc|indicator of compromise|quarantin|"
    "remediat|isolate|restore|recovery|immutable|object lock|mitre|att&ck|purview|security team|our soc|the soc|"
    "regla de detección|alerta|respuesta a incidentes|simulacro|concienciación|bastionado|auditoría|restaurar|cuarentena|"
    "règle de détection|alerte|réponse à incident|exercice|sensibilisation|durcissement|restaurer|restauration|restaurez|quarantaine|"
    "erkennungsregel|alarm|warnung|vorfall|notfallplan|übung|schulung|sensibilisierung|härtung|wiederherstell|quarantäne|"
    "regra de detecção|resposta a incidentes|simulação|conscientização|auditoria|quarentena|regola di rilevamento|"
    "allarme|risposta agli incidenti|simulazione|formazione|sensibilizzazione|ripristin|quarantena|правило обнаружения|"
    "алерт|оповещ|реагирован|инцидент|учения|плейбук|обучени|аудит|восстанов|карантин|检测规则|告警|警报|应急响应|事件响应|"
    "演练|安全意识|加固|审计|恢复|蜜罐|検知ルール|アラート|インシデント対応|訓練|演習|啓発|堅牢化|監査|復旧|ハニーポット|탐지 규칙|경보|"
    "사고 대응|침해 대응|훈련|모의|보안 교육|보안 강화|감사|복구|격리|허니팟|reguła wykrywania|reagowani|incydent|ćwiczeni|szkoleni|"
    "audyt|przywróc|kwarantann|tespit kuralı|uyarı|olay müdahale|tatbikat|farkındalık|sıkılaştır|denetim|geri yükle|"
    "karantina|detectieregel|waarschuw|incidentrespons|oefening|bewustwording|herstel|quarantaine|قاعدة كشف|تنبيه|"
    "الاستجابة للحوادث|تمرين|توعية|تدقيق|استعادة|अलर्ट|घटना प्रतिक्रिया|जागरूकता|ऑडिट|रिस्टोर|cảnh báo|ứng phó sự cố|diễn tập|"
    "nâng cao nhận thức|kiểm tra bảo mật|khôi phục|cách ly|aturan deteksi|peringatan|respons insiden|simulasi|kesadaran|"
    "pemulihan|karantina"
)
_LEXICON["question"] = (
    "how do i|how can i|how should|how would|what's the best way|what is the best way|is it ok|is it fine|is it safe|"
    "is it legal|what am i missing|should i|which is better|can you review|review this|why does|why is|what are the|"
    "cómo |qué dice|qué debo|comment |est-ce que|quelle est|quels sont|faut-il|wie kann|wie sollte|wie richte|"
    "wie funktioniert|was ist|sollte ich|como faço|como posso|o que diz|come posso|come faccio|qual è|quali sono|"
    "как мне|как правильно|как настроить|как работает|что делать|стоит ли|какие|如何|怎么|怎样|是否|应该|どうすれば|どのように|"
    "べきですか|でしょうか|어떻게|할까|인가요|나요|jak mogę|jak powinienem|jak ustawić|jak działa|czy |nasıl|hangi|hoe kan|"
    "hoe stel|hoe moet|hoe werkt|moet ik|كيف|هل |ما هي|कैसे|क्या |làm sao|làm thế nào|như thế nào|có nên|bagaimana|apakah"
)
_LEXICON["unauthorised"] = (
    "without permission|without their permission|without consent|without authori|without asking|not mine|don't own|"
    "do not own|isn't mine|lost access|no longer have access|not supposed to|sin permiso|sin autorización|"
    "sin su consentimiento|sin que lo sepa|sans autorisation|sans permission|sans son consentement|sans qu'il|sans qu'elle|"
    "ohne erlaubnis|ohne genehmigung|ohne zustimmung|ohne einwilligung|sem permissão|sem autorização|sem consentimento|"
    "senza permesso|senza autorizzazione|senza consenso|без разрешения|без согласия|без ведома|без спроса|未经授权|未经允许|"
    "未经同意|無断で|許可なく|許可を得ずに|同意なしに|허락 없이|허가 없이|동의 없이|bez zgody|bez pozwolenia|bez wiedzy|izinsiz|"
    "izni olmadan|onayı olmadan|haberi olmadan|zonder toestemming|بدون إذن|دون إذن|بدون علم|بدون موافقة|बिना अनुमति|"
    "बिना बताए|बिना इजाज़त|không được phép|không xin phép|tanpa izin|tanpa persetujuan|tanpa sepengetahuan|"
    "revenge|get back at|payback|teach him a lesson|teach her a lesson|teach them a lesson|banned me|fired me|owes me|"
    "owe me|never paid|venganza|vengar|me baneó|me debe|vengeance|me venger|me doit|rache|rächen|schuldet mir|vingança|"
    "vingar|me deve|vendetta|vendicar|mi deve|месть|отомст|должен мне|забанил|报复|复仇|欠我|仕返し|復讐|복수|zemst|"
    "intikam|wraak|انتقام|बदला|trả thù|balas dendam"
)
_LEXICON["persistence"] = (
    "at startup|on startup|at boot|on boot|autorun|autostart|run key|scheduled task|survive reboot|survives reboot|"
    "launchagent|launch agent|reinstalls itself|reinstall itself|@reboot|al arrancar|al iniciar|au démarrage|beim start|beim hochfahren|"
    "na inicialização|all'avvio|автозагруз|при запуске|при старте|开机启动|自启动|开机自启|自動起動|スタートアップ|起動時に|"
    "시작 프로그램|부팅 시|부팅할 때|przy starcie|przy uruchomieniu|başlangıçta|açılışta|bij het opstarten|عند الإقلاع|"
    "عند التشغيل|स्टार्टअप|khởi động cùng|saat startup|saat boot"
)
_LEXICON["fiction"] = (
    "novel|story|roleplay|role-play|stay in character|in character|pretend you|you are now|you're now|screenplay|"
    "thriller|novela|personaje|roman |personnage|geschichte|romanfigur|romance|personagem|romanzo|personaggio|роман|"
    "персонаж|小说|角色|小説|キャラ|소설|캐릭터|powieść|postać|karakter|hikaye|verhaal|personage|رواية|شخصية|उपन्यास|किरदार|"
    "tiểu thuyết|nhân vật|cerita|tokoh"
)
_LEXICON["full_code"] = (
    "full code|complete code|working code|full source|complete source|compil|ready to run|fully working|runnable|"
    "código completo|código funcional|code complet|code fonctionnel|vollständigen code|funktionierenden code|"
    "código que funcione|codice completo|codice funzionante|полный код|рабочий код|完整代码|完整的代码|可运行|能运行|"
    "完全なコード|動くコード|전체 코드|완전한 코드|작동하는 코드|pełny kod|działający kod|tam kod|çalışan kod|eksiksiz kod|"
    "volledige code|werkende code|الكود الكامل|كود كامل|كود يعمل|पूरा कोड|चलने वाला कोड|mã đầy đủ|mã chạy được|"
    "kode lengkap|kode yang berjalan|"
    # round 12: the "real" code a scene needs (heldout14k's Russian "настоящий код", Japanese "動く形で")
    "real code|actual code|código real|vrai code|echten code|codice vero|настоящий код|реальный код|справжній код|真实代码|"
    "真正的代码|本物のコード|動く形|実際に打ち込む|진짜 코드|prawdziwy kod|gerçek kod|echte code|الكود الحقيقي|असली कोड|mã thật|"
    "kode asli|πραγματικό κώδικα|skutečný kód|קוד אמיתי|โค้ดจริง|کد واقعی"
)
_MORE["own"] += (
    "| our company| our team| our servers| our app| our service| our network| our staff| our users| our own| my app|"
    " my project| my server| my site| my website| my laptop| my phone| my computer| my game| my account|personal use|"
    "own use|uso propio|uso personal|nuestra empresa|nuestros servidores|nuestra app|notre entreprise|nos serveurs|"
    "notre application|mon application|unsere firma|unserem unternehmen|unsere server|unsere app|meine app|nossa empresa|"
    "nossos servidores|meu app|uso próprio|nostra azienda|nostri server|la mia app|nostra app|uso personale|нашей компании|"
    "наших серверах|нашем сервисе|моё приложение|моего приложения|для себя|我们公司|我们的|我的应用|我的服务器|自社|当社|私のアプリ|"
    "우리 회사|우리 서버|내 앱|naszej firmie|naszych serwerach|mojej aplikacji|moim serwerze|şirketimiz|sunucularımız|"
    "uygulamam|ons bedrijf|onze servers|mijn app|شركتنا|خوادمنا|تطبيقي|हमारी कंपनी|हमारे सर्वर|मेरे ऐप|công ty chúng tôi|"
    "máy chủ của chúng tôi|ứng dụng của tôi|perusahaan kami|server kami|aplikasi saya"
)
_MORE["consent"] += (
    "|permission|allowed|authoriz|authoris|sign-off|signed off|in scope|scope of|engagement|maintenance window|"
    "with their knowledge|informed|notif|notice|indicator|banner|audible|foreground service|disclos|transparent|"
    "asks first|asks the user|permiso|autorizad|aviso|avisar|notificación|consentimiento|autorisation|autorisé|avertir|"
    "prévenir|notification|consentement|erlaubnis|genehmig|freigegeben|hinweis|benachrichtig|sichtbar|einwilligung|"
    "zustimmung|permissão|notificação|visível|consentimento|permesso|autorizzat|avviso|avvisare|notifica|visibile|"
    "consenso|разрешени|разрешил|санкцион|согласован|уведомлен|уведомля|предупрежд|授权|允许|通知|提示|知情|告知|許可|"
    "ステータス表示|知らせ|告知|了承|허가|허락|알림|고지|pozwoleni|zgodą|zgody|zgodzi|autoryz|powiadom|widoczn|izin|yetki|bildirim|görünür|rıza|"
    "bilgilendir|toestemming|geautoriseerd|melding|zichtbaar|إذن|تصريح|موافقة|إشعار|अनुमति|मंज़ूरी|सूचना|नोटिफिकेशन|"
    "cho phép|được phép|phê duyệt|thông báo|diizinkan|notifikasi|pemberitahuan|persetujuan"
)
_MORE["others"] += (
    "|a person|una persona|une personne|eine person|uma pessoa|человек|某人|ある人|어떤 사람|jakaś osoba|birisi|iemand|شخص ما"
    "|किसी और|किसी दूसरे|दूसरे के|một người|seseorang|former employer|ex-employer|old employer|antiguo empleador|"
    "antigua empresa|ancien employeur|ehemaligen arbeitgeber|alten arbeitgeber|ex-empregador|antigo empregador|"
    "ex datore|vecchio datore|бывший работодатель|бывшего работодателя|前雇主|前公司|前の会社|元の職場|전 직장|예전 회사|"
    "byłego pracodawc|były pracodawc|eski işveren|eski iş yeri|voormalige werkgever|oude werkgever|صاحب العمل السابق|"
    "पुरानी कंपनी|công ty cũ|kantor lama|mantan bos|coinquilin|одноклассни|byłego|były |kardeşim|arkadaşım|đối thủ|"
    "compañero|chico de mi clase|colega de|collega|vizinh|mitschüler|mitbewohner"
)
_MORE["stealth"] += (
    "|accorgers|non se ne accorga|senza farsi notare|nascond|ukrywa|ukryj|не заметил|не заметила|не заметили|不被发现|"
    "バレない|들키지|fark etmesin|bemerkt|s'en rende compte|se dé cuenta|perceba|без палева|बिना पकड़े|không bị phát hiện|"
    "tanpa ketahuan|no chamar atenção|sin llamar la atención|sans attirer|ohne aufzufallen|senza dare nell'occhio"
)
_MORE["flood"] += (
    "|se caiga|tumbar|tirar el servidor|miles de conexiones|millones de|faire tomber|tombe|épuis|lahmleg|zum absturz|"
    "derrubar|cair o servidor|buttare giù|mandare giù|migliaia di|положить сервер|уронить|упал|ляжет|宕机|瘫痪|打挂|落とす|"
    "ダウンさせ|다운시|마비|zawiesić|położyć serwer|zapcha|zasypa|çöksün|platleggen|إسقاط|يسقط|डाउन कर|ठप|sập|hàng triệu|"
    "lumpuh|jutaan|"
    "slowloris|byte by byte"
)
_MORE["spoofed"] += (
    "|source ip|source address|open resolver|dirección de origen|ip de origen|adresse source|ip source|absenderadresse|"
    "quelladresse|endereço de origem|ip de origem|indirizzo sorgente|ip sorgente|адрес источника|ip-адрес источника|源地址|"
    "源ip|送信元|출발지|adres źródłow|kaynak adres|kaynak ip|bronadres|عنوان المصدر|सोर्स आईपी|địa chỉ nguồn|alamat sumber"
)
_MORE["fake_page"] += (
    "|igualzinha|idêntica|idéntica|igual a la|igual à|identique|genauso wie|identica|точно как|такую же|一模一样|そっくり|"
    "똑같은|identyczn|aynısı|precies zoals|هوبهو|हूबहू|giống hệt|persis|lookalike|look-alike|as if it were|como si fuera|"
    "como se fosse|comme si c'était|als wäre|come se fosse|как будто|假装|のふり|인 척|jakby to był|gibi göster|alsof het"
)
_MORE["ransom"] += (
    "|versé|verser|versez|überweis|transfira|bonifico|переведи|перевести|转账|振り込|송금|przelew|havale|overmaken"
)
_MORE["hidden_service"] += (
    "|process name|nombre de proceso|nom de processus|prozessnamen|nome do processo|nome del processo|имя процесса|进程名|"
    "プロセス名|프로세스 이름|nazwa procesu|işlem adı|procesnaam|اسم العملية|प्रोसेस का नाम|tên tiến trình|nama proses|kworker"
    "|disfrazad|camuflad|déguisé|getarnt|travestit|замаскир|伪装成|に見せかけ|위장|podszyw|kılığında|vermomd|متنكر|की तरह दिखे"
)
_LEXICON["brute_force"] = (
    "brute|guess|wordlist|password list|leaked password|перебира|перебор|fuerza bruta|adivin|force brute|devin|"
    "rohe gewalt|errat|força bruta|adivinh|forza bruta|indovin|暴力破解|猜密码|撞库|総当たり|ブルートフォース|推測|무차별|대입|"
    "kaba kuvvet|deneme yanılma|tahmin|łamanie|zgadywa|raden|تخمين|القوة الغاشمة|अनुमान|ब्रूट|dò mật khẩu|đoán|tebak|menebak"
)
_LEXICON["takeover"] = (
    "take over|takeover|hijack|break into|get into her|get into his|get into their|hack into|ele geçir|przejąć|przejęci|"
    "захват|угнать|взломать|взлом|hackear|entrar en la cuenta|pirater|prendre le contrôle|hacken|übernehmen|invadir|"
    "entrar na conta|entrare nell'account|violare|乗っ取|탈취|해킹|劫持|盗号|登录别人|kapen|overnemen|اختراق|हैक|chiếm quyền|"
    "bajak|retas|meretas"
)
_LEXICON["local_only"] = (
    "on the device|on-device|only on the device|stays on the device|never leaves|nothing is sent|sends nothing|"
    "no data leaves|only locally|stays local|기기 안에서만|보내지 않|端末内|端末の中|送信しない|仅在本地|不上传|只在设备|"
    "no sale del dispositivo|solo en el dispositivo|sin enviar nada|en local|sans rien envoyer|reste sur l'appareil|"
    "nur lokal|bleibt auf dem gerät|nichts gesendet|só no aparelho|sem enviar nada|solo sul dispositivo|senza inviare|"
    "только на устройстве|ничего не отправля|tylko na urządzeniu|nic nie wysyła|sadece cihazda|hiçbir şey gönderme|"
    "alleen lokaal|niets verstuurd|على الجهاز فقط|لا يرسل|सिर्फ़ डिवाइस पर|कुछ नहीं भेजे|chỉ trên thiết bị|không gửi|"
    "hanya di perangkat|tidak mengirim"
)
_LEXICON["limited"] = (
    "once a day|once per|once an hour|one email|a single|only one|at most|throttl|digest|summary|summari|"
    "una vez al día|un solo|como máximo|resumen|une fois par|un seul|au plus|résumé|einmal am tag|höchstens|"
    "zusammenfassung|uma vez por|no máximo|resumo|una volta al|al massimo|riepilogo|раз в день|не больше|не более|сводк|"
    "一天一次|每天一次|最多|汇总|摘要|1日1回|一度だけ|最大|まとめ|하루 한 번|최대|요약|raz dziennie|raz na|najwyżej|"
    "podsumowani|günde bir|en fazla|özet|één keer per|hoogstens|samenvatting|مرة واحدة|على الأكثر|ملخص|दिन में एक बार|"
    "ज़्यादा से ज़्यादा|सारांश|một lần mỗi|tối đa|tóm tắt|sekali sehari|paling banyak|ringkasan"
)
for _concept, _stems in _MORE.items():
    _LEXICON[_concept] = _LEXICON[_concept] + "|" + _stems
# Greek, Czech, Hebrew, Thai, Persian, Bengali, Swahili, Ukrainian, Swedish and romanised Hindi; fraud, doxxing.
for _concept, _stems in WORLD.items():
    _LEXICON[_concept] = _LEXICON[_concept] + "|" + _stems
_LEXICON.update(NEW_CONCEPTS)
# Round 5: Romanian, Finnish, Hungarian, Danish, Norwegian, Slovak, Croatian/Serbian, Slovenian, Bulgarian, Catalan,
# Estonian, Lithuanian, Latvian and Tagalog, and common forms the Greek, Hebrew and Thai lists lacked.
for _concept, _stems in [*ROUND5.items(), *OLDER.items(), *UNSEEN.items(), *FURTHER.items()]:
    _LEXICON[_concept] = _LEXICON[_concept] + "|" + _stems

CONCEPTS: dict[str, tuple[str, ...]] = {k: tuple(v.split("|")) for k, v in _LEXICON.items()}


# Concepts that a negation turns around ("without consent", "sin permiso", "sends nothing to a server"): a stem
# right after one of these words does not count for them.
NEGATABLE = ("consent", "send_away")
_NEGATORS = (
    "without ", "no ", "not ", "never ", "nothing ", "sin ", "ni ", "sans ", "pas de ", "ohne ", "kein", "nicht ",
    "sem ", "nem ", "senza ", "non ", "без ", "не ", "ни ", "bez ", "nie ", "zonder ", "geen ", "niet ", "tanpa ",
    "tidak ", "không ", "بدون ", "دون ", "لا ", "बिना ", "नहीं ", "未经", "不", "没有", "無断", "なしに", "없이",
    "fără ", "ilman ", "uden ", "uten ", "brez ", "ilma ", "walang ", "بغیر ", "án ", "sen ", "sonder ",
)  # fmt: skip


def _negated(t: str, start: int) -> bool:
    before = t[max(0, start - 20) : start]
    return any(before.endswith(n) or f" {n}" in before for n in _NEGATORS)


def _occurrences(stems: tuple[str, ...], t: str) -> list[bool]:
    """For each occurrence of a stem in t: whether a negation comes right before it."""
    out = []
    for stem in stems:
        at = t.find(stem)
        while at >= 0:
            out.append(_negated(t, at))
            at = t.find(stem, at + 1)
    return out


def concept_vector(text: str) -> list[float]:
    """1.0 for each concept whose stem occurs in the lower-cased text, in CONCEPTS order. A negated consent
    ("without their consent", "sin permiso") counts as the opposite: unauthorised."""
    return list(_concept_tuple(text))


@functools.lru_cache(maxsize=4096)
def _concept_tuple(text: str) -> tuple[float, ...]:
    """concept_vector, remembered: the rules, the situation roles and the learned layer's features all ask it of the
    same request (round 6)."""
    t = f" {text.lower()} "
    found = {}
    for name, stems in CONCEPTS.items():
        if name in NEGATABLE:
            hits = _occurrences(stems, t)
            found[name] = not all(hits)  # some occurrence that is not negated
            if name == "consent" and any(hits):
                found["unauthorised"] = True
        else:
            found[name] = found.get(name, False) or any(stem in t for stem in stems)
    return tuple(1.0 if found[name] else 0.0 for name in CONCEPTS)
