//! The text analyser on lines from the seeds (must be recognised) and everyday messages (must
//! not look like the scam).

mod common;

use common::analyzer as rules;

use scamcheck::Analyzer;
use scamcheck::analyze::{AnalyzeError, Finding, MAX_TEXT_BYTES, highlights};
use scamcheck::rules::Severity;

/// The question ids a text indicates.
fn indicated(rules: &Analyzer, text: &str) -> Vec<String> {
    match rules.analyze(text) {
        Ok(a) => a.questions().into_iter().map(str::to_owned).collect(),
        Err(err) => panic!("{err}"),
    }
}

/// Each line indicates its question (among others, perhaps).
fn assert_each_indicates(rules: &Analyzer, cases: &[(&str, &str)]) {
    for (line, question) in cases {
        let found = indicated(rules, line);
        assert!(
            found.iter().any(|q| q == question),
            "{line:?} should indicate {question}; found {found:?}"
        );
    }
}

fn level(rules: &Analyzer, text: &str) -> u8 {
    match rules.analyze(text) {
        Ok(a) => a.verdict.level.number(),
        Err(err) => panic!("{err}"),
    }
}

/// Each text stays below level 2: not raised.
fn assert_each_below_level_2(rules: &Analyzer, texts: &[&str]) {
    for text in texts {
        assert!(
            level(rules, text) < 2,
            "{text:?}: {:?}",
            indicated(rules, text)
        );
    }
}

/// Each text reaches level 2 or more: raised.
fn assert_each_raised(rules: &Analyzer, texts: &[&str]) {
    for text in texts {
        assert!(
            level(rules, text) >= 2,
            "{text:?}: {:?}",
            indicated(rules, text)
        );
    }
}

/// Each text reaches level 3: hang up.
fn assert_each_level_3(rules: &Analyzer, texts: &[&str]) {
    for text in texts {
        assert_eq!(
            level(rules, text),
            3,
            "{text:?}: {:?}",
            indicated(rules, text)
        );
    }
}

#[test]
fn scam_lines_from_the_seeds_are_recognised() {
    let rules = rules();
    let cases: &[(&str, &str)] = &[
        // 000, the four quoted pretexts.
        (
            "我们操作失误，把您设置成批发商账号，每个月会从您的支付宝里扣500元，需要帮您取消这个业务吗？",
            "account_charge",
        ),
        (
            "您买的XX有出现染色体超标，导致皮肤过敏的情况，需要给您退款。",
            "refund_offer",
        ),
        (
            "您购买的XX铅汞超标会致癌，我们在收回商品给您双倍赔偿哦~亲。",
            "refund_offer",
        ),
        (
            "快递货车起火，您的包裹正在燃烧。我们是快递公司的，要给您退款。",
            "refund_offer",
        ),
        (
            "快递货车起火，您的包裹正在燃烧。我们是快递公司的，要给您退款。",
            "claims_service",
        ),
        // 000 cases and steps.
        ("退订会员需要清空账户余额，请先加一下客服微信", "transfer"),
        (
            "退订会员需要清空账户余额，请先加一下客服微信",
            "add_contact",
        ),
        (
            "请在这个链接里填写您的银行卡号，然后把验证码报一下",
            "link_or_qr",
        ),
        (
            "请在这个链接里填写您的银行卡号，然后把验证码报一下",
            "card_or_code",
        ),
        ("您先打开蚂蚁借呗，把额度借出来，退款就能到账", "loan"),
        // 000 第三步: "insufficient payment credit" is the excuse for the loan, not a threat.
        (
            "您的支付信用不足，退款无法到账，请先打开借呗把额度借出来",
            "loan",
        ),
        // 002, the M case.
        (
            "您好，我是国际物流客服，您有一个美国来的包裹在分拣中被压坏了，需走核对理赔程序",
            "refund_offer",
        ),
        ("理赔有录音要求，您需要下载一个会议APP", "download_app"),
        (
            "输入会议号 8812 345 进入会议，然后开启屏幕共享",
            "screen_share",
        ),
        (
            "请您查看一下银行卡余额，再打开备用金查询退款",
            "check_balance",
        ),
        ("请您查看一下银行卡余额，再打开备用金查询退款", "loan"),
        (
            "您操作失误取走了别人的理赔款，如果不在5分钟内取消，会严重影响您的个人征信",
            "credit_threat",
        ),
        ("不在五分钟内处理的话，征信会受影响", "credit_threat"),
        ("请到银行APP进行人脸识别", "face_scan"),
        ("填写我们提供的账号，在转账页面金额填196528", "transfer"),
        ("把手机收到的银行验证码输入一下", "card_or_code"),
        ("对方非常执着，又继续打来电话", "persistent_calls"),
        ("加入理赔群，专员会指导您", "add_contact"),
        // Full-width forms, spaces and English.
        ("不在５分钟内取消，会影响您的征 信", "credit_threat"),
        (
            "Please share your screen so we can record the claim.",
            "screen_share",
        ),
        (
            "Your credit record will be ruined if you do not fix this in 5 minutes.",
            "credit_threat",
        ),
        (
            "Tell me the verification code we just sent you.",
            "card_or_code",
        ),
        (
            "You were set up as a wholesaler by mistake and will be charged every month.",
            "account_charge",
        ),
        (
            "Open Alipay and apply for a loan to receive the refund.",
            "loan",
        ),
        ("Transfer the money to this safe account now.", "transfer"),
    ];
    assert_each_indicates(&rules, cases);
}

#[test]
fn the_excuse_of_insufficient_credit_is_not_a_threat_to_the_credit_record() {
    let rules = rules();
    let found = indicated(&rules, "您的支付信用不足，无法到账");
    assert!(!found.iter().any(|q| q == "credit_threat"), "{found:?}");
}

#[test]
fn requests_in_other_words_than_the_seeds_are_recognised() {
    let rules = rules();
    let cases: &[(&str, &str)] = &[
        // A secret asked for with a generic verb and no named recipient.
        ("麻烦提供一下身份证号码", "card_or_code"),
        ("账号和登录密码发我一下", "card_or_code"),
        ("卡片背面那三位数字报一下，还有有效期", "card_or_code"),
        (
            "Could you read out the six digit code for me",
            "card_or_code",
        ),
        // An app with a made-up name, a loan app.
        ("您先下载一个“速赔通”，登录后点申请", "download_app"),
        ("手机上装一下好分期，额度就是给您的赔款", "loan"),
        // A link or a code with no verb after it.
        ("理赔链接：http://pf-kd.cn/x8 24小时有效", "link_or_qr"),
        // A fee to release something; a credit threat without minutes; a colloquial face check.
        ("包裹要先交300元保证金才能放行", "release_fee"),
        ("不处理的话这个会直接上报征信", "credit_threat"),
        ("您把手机举起来对着脸，眨眨眼就好", "face_scan"),
        // Money sent back to a number, into an account named for a check, an amount dictated.
        (
            "Please send back the 3,000 to 0722 xxx 190, then we close the complaint.",
            "transfer",
        ),
        (
            "你名下资金要全部转入审查账户，审查完没问题再退回",
            "transfer",
        ),
        (
            "Your savings must also be moved to our escrow account for checking.",
            "transfer",
        ),
        (
            "It will open GCash showing zero, then key in the amount I tell you.",
            "transfer",
        ),
        ("付款金额填四千九百九十，备注写“资金核验”", "transfer"),
        // Words that contain or look like an honest marker ("aa" in Aadhaar, "each" of the
        // accounts) hide nothing.
        (
            "Your Aadhaar was misused, so transfer the funds to the RBI escrow account for verification.",
            "transfer",
        ),
        (
            "Tell me how much is sitting in each of your accounts, everything has to go to the safe account I'm about to give you.",
            "transfer",
        ),
        // A fee in other words: an audit fee, an amount and then the release, a paid new
        // delivery slot, a certificate, a bond that is "refundable on delivery".
        ("客服说要交1000块审核金,审核完就退。", "release_fee"),
        ("然后补缴4000元,被冻结的货款立即解冻。", "release_fee"),
        (
            "请于24小时内缴纳查验保证金1980元，现已暂扣，缴纳后安排复检放行",
            "release_fee",
        ),
        (
            "For re-delivery pls send ₱150 to GCash 0917 xxx 5521 then screenshot the proof here.",
            "release_fee",
        ),
        (
            "Before dispatch an insurance bond of N25,000 is required, refundable on delivery.",
            "release_fee",
        ),
        // A fee in plural words; a rider who will "release" a parcel once paid.
        (
            "Your balikbayan box is on HOLD pending duties of P2,450. Settle via GCash within 48 hrs.",
            "release_fee",
        ),
        (
            "Ma'am, J&T rider here, you have COD parcel ₱1,250, just send to my GCash so I can release it.",
            "release_fee",
        ),
        // A fee at "our depot" is still the scam's SMS.
        (
            "Royal Mail: Your parcel is being held at our depot due to an unpaid shipping fee of £1.99. Pay now at royalmail-redelivery.com",
            "release_fee",
        ),
        // An amount the caller dictates; an ID number asked for in a few words.
        (
            "扫完页面上让您输多少您就输多少，那是退给您的钱。",
            "transfer",
        ),
        (
            "Aadhaar number and PAN please, for refund KYC.",
            "card_or_code",
        ),
        (
            "I'm calling from our Hong Kong office, that's why it shows plus eight five two.",
            "overseas_number",
        ),
        // Bank log-ins and ID documents in other words.
        (
            "Claim your refund at hk-refund-center.com/claim - log in with your online banking to receive the money.",
            "card_or_code",
        ),
        (
            "Hold your driving licence next to your face and look into the lens.",
            "card_or_code",
        ),
        (
            "When the FNB OTP comes through pls forward it so we can load the refund.",
            "card_or_code",
        ),
        // Loans by homophone ("被用金"), by product name, and borrowed "in several apps".
        (
            "你打开支付宝 点我的 下面有个被用金 你把它领出来 领五百",
            "loan",
        ),
        (
            "For refund, open GCash and apply GLoan muna, so the system can see your wallet.",
            "loan",
        ),
        ("我照着他说的在几个借款APP里借了六万", "loan"),
        // Dictation homophones; a charge that starts "automatically tonight"; a mobile number
        // "to cancel"; a full credit limit to draw; a PIN texted to a number; a parcel that
        // "goes back" unless paid; the CVV beside "the card you paid with".
        (
            "我们公司要给你陪偿 你加一下我们理陪专员的位信",
            "refund_offer",
        ),
        (
            "我们公司要给你陪偿 你加一下我们理陪专员的位信",
            "add_contact",
        ),
        ("你这个事不处理今天晚上十二点就自动扣费了", "account_charge"),
        (
            "【拼多多】您的账户已开通“商家运费险”，将于月底一次性划扣。如非本人开通，请联系客服 18721946630 办理退订。",
            "account_charge",
        ),
        (
            "To close it you have to draw the full limit on a gift card purchase I'll walk you through.",
            "loan",
        ),
        (
            "SMS ID No*Year of birth*M-PESA PIN to 0722xxxxxx to update and avoid disconnection.",
            "card_or_code",
        ),
        (
            "Royal Mail again, 3rd call today — pay the £2.99 or it goes back to China.",
            "release_fee",
        ),
        (
            "To issue your $89 refund plus $50 compensation I'll need the card you paid with and the CVV.",
            "card_or_code",
        ),
        // "Don't let anybody in the room" is the caller's secrecy, not a warning.
        (
            "Install Skype now and keep the video on, do not let anybody come in the room, you will transfer your fixed deposit to the RBI verification account.",
            "transfer",
        ),
        (
            "Before we can release it you pay R1,500 courier and R2,000 customs.",
            "release_fee",
        ),
        // "The number you found online is the official one" does not make a fee honest.
        (
            "您在网上查的这个就是官方电话，放心。退款加急要交98元加急费，交了马上到账。",
            "release_fee",
        ),
        (
            "系统说你还没交保证金 你看截图 扫上面的码联系客服弄一下吧",
            "release_fee",
        ),
        (
            "【京东】尊敬的会员，您的PLUS年卡将于今晚自动续费2888元。如需取消请联系专属客服 0755-2XXX-6614",
            "account_charge",
        ),
        // The critical moves in fewer words.
        (
            "Your credit score will go below 500 by tonight unless we close this plan now.",
            "credit_threat",
        ),
        (
            "Border Force has your box on hold until the duty is settled.",
            "parcel_held",
        ),
        (
            "The duty is six hundred dollars and it must be paid before noon.",
            "release_fee",
        ),
        (
            "I'll guide you to withdraw the full limit once and send it back.",
            "loan",
        ),
        (
            "Log in while I'm connected and tell me what's in checking.",
            "check_balance",
        ),
        ("您那张卡里的钱也一起转过来，我们做个对账", "transfer"),
        ("就是那六位数字，您念一下我这边登记", "card_or_code"),
        (
            "We sent a 6-digit code to your phone by mistake, could you forward it to us?",
            "card_or_code",
        ),
        (
            "Kindly DM your full card number, expiry and the OTP you'll receive.",
            "card_or_code",
        ),
        (
            "Then send the Ksh 15,000 to our Paybill 400200.",
            "transfer",
        ),
        (
            "Open your bank app and screenshot me the page with your account balance.",
            "check_balance",
        ),
        (
            "这个会员解除绑定得做一次小额验证，先付1块，再付5000，两笔都原路退",
            "transfer",
        ),
        ("转了，两笔，4800和9999，退款呢？？", "already_paid"),
        (
            "Paid the customs thing from that text last night and there's €400 gone off my card this morning.",
            "already_paid",
        ),
        (
            "Okay madam, hold the phone in front of your face, slowly turn left, now right.",
            "face_scan",
        ),
        ("您再把刚收到的这个新的验证码也念一下。", "card_or_code"),
        (
            "那个小框框您别动它，让它一直开着，我这边帮您操作。",
            "screen_share",
        ),
        ("你用花呗买我们指定的充值卡，把卡密发给我", "card_or_code"),
        (
            "It's gone back to the depot. If you give me the long number on your card and the expiry I'll have it out to you tomorrow.",
            "card_or_code",
        ),
        (
            "The man told me to download an app and fill one form. I gave card number and the OTP also.",
            "already_paid",
        ),
        (
            "Hi this one SingPost calling ah, I add you on whatsapp then send you the payment link ok.",
            "add_contact",
        ),
        (
            "Scan it, transfer everything from the Maybank and CIMB, then send me the receipt.",
            "transfer",
        ),
        (
            "A letter with eight credit cards under your IC number has been returned, I'll transfer you to the police now.",
            "parcel_held",
        ),
        // Told by the person, in their words.
        (
            "He wants me to move all my savings there while they investigate.",
            "transfer",
        ),
        ("他让我去钱包里开先用后付，额度出来退款才能打进来", "loan"),
        (
            "他让我扫他发到我手机上的那个码，说扫了就能理赔",
            "link_or_qr",
        ),
        (
            "Then a quick selfie from the link so the system knows it's you.",
            "face_scan",
        ),
        (
            "稍后短信验证码发到您手机上，您直接念给我就行，不要点任何东西。",
            "card_or_code",
        ),
        // The person saying they already paid.
        ("我刚才已经按他说的转了3000过去了", "already_paid"),
        ("佢前後轉咗三次先同我講", "already_paid"),
        (
            "客服：您念给我就行。\n我：2、7、4、1、9、0。",
            "already_paid",
        ),
        ("妈：我刚把那个验证码给快递的人了。", "already_paid"),
        // Told by the family, or without a subject: "爸刚才被骗了", "前后转了四万八".
        ("姐，爸刚才被骗了！说是京东客服", "already_paid"),
        ("让他借钱转到所谓的安全账户，前后转了四万八", "already_paid"),
        ("她说半小时退回来，已经往那个账户打了两万", "already_paid"),
        // The caller's "赔款打错了" is the overpaid-refund trick, not the person's mistake.
        (
            "后来他说赔款打错了打到别人那了，要我先垫两万转过去，我就从农行转了",
            "already_paid",
        ),
        (
            "He sent a QR code on WhatsApp and told me scan and enter UPI PIN to receive. I did, and Rs 49,999 got debited.",
            "already_paid",
        ),
        // The scam's siblings.
        ("您的包裹里查出违禁物品，已被海关扣押", "parcel_held"),
        (
            "您开通的直播会员免费期已到，下月起每月自动扣费800元",
            "account_charge",
        ),
        (
            "您的支付账户存在异常风险，需要进行身份验证才能解除",
            "verify_identity",
        ),
    ];
    assert_each_indicates(&rules, cases);
}

#[test]
fn a_warning_or_a_negation_is_not_the_request() {
    let rules = rules();
    for line in [
        "【某银行】验证码 482913，任何人索要验证码都是诈骗，请勿泄露。",
        "真客服不会让你共享屏幕，也不会让你开借呗。",
        "We will never ask you to share your screen or move money to a safe account.",
        "妈，有人打电话说要给你双倍赔偿、让你加微信的，都是骗子，直接挂。",
    ] {
        let found = indicated(&rules, line);
        assert!(
            found.is_empty() || found == ["claims_service"],
            "{line:?}: {found:?}"
        );
    }
    // The same request without the warning is found.
    assert!(
        indicated(&rules, "请把验证码告诉我")
            .iter()
            .any(|q| q == "card_or_code")
    );
    // "Never" warns only when it says what is never done; a parcel that never came, or a
    // caller who never showed his face, leaves the requests beside it standing.
    assert_each_below_level_2(
        &rules,
        &[
            "ShopNow: your refund of $24 is on its way to your card. ShopNow never needs your PIN to send you money.",
            "Customs charges apply to your item from the UK; a card with payment options will follow. We never include links in customs texts.",
        ],
    );
    assert_each_level_3(
        &rules,
        &[
            "Your parcel was never delivered. Pay the £1.99 fee to release it: bit.ly/x",
            "You never collected your parcel, pay the redelivery fee of £2.99 now at bit.ly/x",
            "He said install Skype and join the call ID he sent. He never showed his own face.",
        ],
    );
}

#[test]
fn a_callers_demand_for_secrecy_is_not_a_warning() {
    let rules = rules();
    // "Don't tell…" sounds like a warning, but from the caller it is part of the scam: the
    // request on the same line still counts.
    assert_each_level_3(
        &rules,
        &[
            "这件事不要告诉别人，你先下载一个会议App，我教你操作",
            "别告诉你儿子，你把验证码报给我就行",
            "银行问你就说是给亲戚转的，转到我发你的账户",
            "Don't tell the bank what it's for, just move the money to the safe account I gave you.",
            // Coaching for the teller is the caller's too, though a teller reads as honest.
            "您去柜台把钱汇到我给您的账号，柜员要是问起来您就说是还亲戚的，别说是我们让汇的。",
            "I need you to wire $6,300 back to our corporate account. If they ask, say it's your nephew's tuition.",
            "请把名下银行卡余额先转入下方验资账户，验资完成30分钟内原路退回，期间请勿挂断语音哦",
            // An underpaid postage "to settle" online is the fee.
            "Royal Mail: your parcel could not be delivered as £1.45 postage was underpaid. Settle it by 23:59 tonight: royalmail.redeliver-uk.info",
            // "I'm calling because someone tried to use your card" is the bank caller's opening.
            "Hello, it's your bank's fraud team, I'm calling because someone tried to use your card. Is that actually you? Please read me the code so I can block it.",
            // A fee "to release funds — pay here" is the fee.
            "DPD Secure Payment: €350 on hold for you. Seller must pay €60 courier insurance to release funds, pay here: dpd-securepay.ie/release",
            // A look-alike of an official domain is not the official site.
            "Purolator: duties of $26.18 are due on your shipment, pay now at purolator-duties.com/pay or it returns to sender.",
            // The sender's domain does not hide a link written after it.
            "Amazon.co.uk: your refund is on hold. Confirm your card at amzn-refunds.co to release it.",
            // "A man claiming to be from…" tells of the call; it is not advice.
            "On 3 March I got a call from a man claiming to be from Lazada. He told me to add him on WhatsApp and install AnyDesk so he could cancel the charge.",
            // "Tell no one, not even your son" cuts the person off from help.
            "He said to keep my money safe I must put it in the account under the central bank, and don't tell anyone, not even your son. Then take a personal loan and transfer that too.",
            // "Read it to me, tell no one else", "请勿忽略本短信", an app's menu to open a loan.
            "您刚收到的短信里有六位数字，是退款授权码，您念给我就行，千万别告诉其他人。",
            "【淘宝】亲，系统检测到您误开通“淘宝代理商服务”，每月扣费699元，请勿忽略本短信，回复1联系专属客服办理取消，客服会教您在支付宝里开通备用金核验。",
            "因您的支付宝尚未开通理赔收款通道，请先在支付宝-我的-备用金中开通并提现500元，系统会自动完成对冲。",
            // "以免…" and "千万别…" are the caller's pressure too.
            "您今天必须把会员关掉，不然每月扣800，以免影响您的征信，您先下载一个会议软件",
            "千万别错过这次赔付，您先把验证码报给我，我这边马上给您退款",
            "Just read me the six-digit number that's come through, that's your refund authorisation, don't give it to anyone else, alright?",
        ],
    );
    // Nor is the caller's threat or plea that only sounds like advice.
    assert_each_raised(
        &rules,
        &[
            "If you don't pay the HK$8,000 bond today the case goes to the police.",
            "Please don't put the phone down again, you only need to open the link in the text.",
        ],
    );
    // The bank's own warning stays a warning.
    let bank = "验证码不要告诉任何人，包括自称客服的人。";
    assert!(level(&rules, bank) < 2, "{:?}", indicated(&rules, bank));
}

#[test]
fn a_call_that_ended_in_a_refusal_is_told_not_asked() {
    let rules = rules();
    // The person tells of a call they hung up on: the requests before it are a story, and the
    // screen says why they are not counted.
    // Each with the same text up to the refusal, and the level that alone reaches.
    for (text, quote, asked, level_asked) in [
        (
            "他说是淘宝客服，让我下载一个会议软件共享屏幕，我就把电话挂了。",
            "我就把电话挂了",
            "他说是淘宝客服，让我下载一个会议软件共享屏幕",
            3,
        ),
        (
            "他说我的快递里有违禁品，要交保证金，我说我自己去问，他就挂了",
            "他就挂了",
            "他说我的快递里有违禁品，要交保证金，我说我自己去问",
            3,
        ),
        (
            "他说是淘宝客服，让我下载会议App共享屏幕，我说我自己去App里查，就挂了。",
            "就挂了",
            "他说是淘宝客服，让我下载会议App共享屏幕，我说我自己去App里查",
            3,
        ),
        (
            "Someone from 'Amazon' wanted me to install AnyDesk for my refund, so I hung up.",
            "so I hung up",
            "Someone from 'Amazon' wanted me to install AnyDesk for my refund",
            3,
        ),
        // Told in other words: "然后…", dialect, the caller giving up, a blocked number.
        (
            "他说快递被台风刮走了，给我双倍赔偿，让我下个会议软件，我说那挺好，然后挂了。",
            "然后挂了",
            "他说快递被台风刮走了，给我双倍赔偿，让我下个会议软件，我说那挺好",
            3,
        ),
        (
            "有人打嚟话自己係順豐，話我個包裹喺海關卡住咗要交稅，仲叫我撳條link。我話我冇買嘢，跟住就收線。",
            "跟住就收線",
            "有人打嚟話自己係順豐，話我個包裹喺海關卡住咗要交稅，仲叫我撳條link。",
            3,
        ),
        (
            "A man said he was DHL and my parcel was stuck in customs, I should pay clearance. I told him God punish you, and I end the call.",
            "and I end the call",
            "A man said he was DHL and my parcel was stuck in customs, I should pay clearance.",
            3,
        ),
        (
            "Guy from 'Bob Shop' says my refund is waiting, he wanted me to install an app. I said I'll check my emails, and cut him off.",
            "and cut him off",
            "Guy from 'Bob Shop' says my refund is waiting, he wanted me to install an app.",
            3,
        ),
        // The person checked with the real company or the customs hotline and found nothing.
        (
            "你说我包裹被海关扣了，还要交保证金？行，那我自己打12360问海关。",
            "那我自己打12360问海关",
            "你说我包裹被海关扣了，还要交保证金？",
            3,
        ),
        // "I'm not installing anything. I'll go to the police station."
        (
            "Caller: Madam, this is Blue Dart, your parcel has fake passports, install Skype.\nMe: I have never sent any parcel. I'm not installing anything. I'll go to Koramangala police station and check.",
            "I'll go to Koramangala police station and check",
            "Caller: Madam, this is Blue Dart, your parcel has fake passports, install Skype.",
            3,
        ),
        // A farewell that closes the call after the person declines.
        (
            "Caller: Temu customer service, you were double charged $89, please download Cash App.\nMe: I paid with PayPal. Temu can refund PayPal.\nCaller: Sir, it's faster with—\nMe: I'm fine with slow. Bye.",
            "Bye",
            "Caller: Temu customer service, you were double charged $89, please download Cash App.",
            3,
        ),
        // A refusal at the end of a line that another line follows (a pattern's `$`).
        (
            "他让我下载会议软件共享屏幕，挂了\n妈：好",
            "挂了",
            "他让我下载会议软件共享屏幕",
            3,
        ),
        // Only a low sign after the hang-up ("not even a Prime member") asks for nothing.
        (
            "Recording: This is Amazon, your Prime membership will renew for $139, press 1.\nGrandad: (hangs up)\nMe: Good call. Let's check the real app together.\nGrandad: There, it says I'm not even a Prime member.",
            "(hangs up)",
            "Recording: This is Amazon, your Prime membership will renew for $139, press 1.",
            2,
        ),
        // The person's own call to the official line found nothing; the caller never rang again.
        (
            "对方：您好，我是航空公司客服，您的航班取消了，我们给您补偿三百元，需要您提供一下银行卡号。\n我：不用，我打官方的。\n我：打95530查了，航班正常。",
            "航班正常",
            "对方：您好，我是航空公司客服，您的航班取消了，我们给您补偿三百元，需要您提供一下银行卡号。",
            3,
        ),
        (
            "那人说他是快递公司的，说我快递丢了要赔我三倍，我说我孙子会弄，让他下午打过来，他就再也没打来了。",
            "他就再也没打来了",
            "那人说他是快递公司的，说我快递丢了要赔我三倍，我说我孙子会弄，让他下午打过来",
            2,
        ),
        // The person's name as a speaker label is no detail the caller knows.
        (
            "Caller: Mr Bennett? Amazon account security. Your Prime membership is renewing today at £99.\nMr Bennett: No thank you.",
            "No thank you",
            "Caller: Mr Bennett? Amazon account security. Your Prime membership is renewing today at £99.",
            2,
        ),
        // "No thank you", "I refused", "I didn't", "Don't call again", a transcript's "[call ends]".
        (
            "Caller: Mrs Doyle? The blender you bought in March is recalled, we'll refund $89 to your card, can I take the card number?\nMe: No thank you. I'll take it back to the store.",
            "No thank you",
            "Caller: Mrs Doyle? The blender you bought in March is recalled, we'll refund $89 to your card, can I take the card number?",
            3,
        ),
        (
            "Someone called saying I must read them an OTP or my account would be suspended. I refused.",
            "I refused",
            "Someone called saying I must read them an OTP or my account would be suspended.",
            3,
        ),
        (
            "Caller: Flipkart refund team, I'm sending a QR, just scan and put your PIN to receive.\nMe: I'll check in the Flipkart app. Don't call again.",
            "Don't call again",
            "Caller: Flipkart refund team, I'm sending a QR, just scan and put your PIN to receive.",
            3,
        ),
        (
            "Caller: Pos Laju here, your parcel got illegal items, I connect you to police now.\nMe: I'll go to the police station myself.\nCaller: [call ends]",
            "[call ends]",
            "Caller: Pos Laju here, your parcel got illegal items, I connect you to police now.",
            2,
        ),
        // Letting the refund go; not calling the number the email gave.
        (
            "对方：您买的裤子甲醛超标，我们给您退款，需要您扫码操作。\n我：要么你在淘宝上发消息，要么算了。\n对方：那您这个退款就作废了哦。\n我：作废就作废。",
            "作废就作废",
            "对方：您买的裤子甲醛超标，我们给您退款，需要您扫码操作。",
            3,
        ),
        (
            "Email from 'Geek Squad' said £299.99 renewal taken, call to cancel. Logged into my bank: no such payment. Didn't call the number.",
            "Didn't call the number",
            "Email from 'Geek Squad' said £299.99 renewal taken, call to cancel.",
            2,
        ),
        // A seller turning down the buyer's payment trick.
        (
            "Buyer: I'll pay through Zelle, they'll email you to upgrade to a business account, then refund me the extra.\nMe: Then no deal. Cash at pickup.",
            "Cash at pickup",
            "Buyer: I'll pay through Zelle, they'll email you to upgrade to a business account, then refund me the extra.",
            3,
        ),
        // The secret refused outright.
        (
            "Caller: Takealot security, I need to verify you, what's the OTP we sent?\nMe: No ways. I'll log into the app myself.",
            "No ways",
            "Caller: Takealot security, I need to verify you, what's the OTP we sent?",
            3,
        ),
        (
            "Caller: Evri claims, we owe you £60 for a crushed parcel. I'll need your card number.\nMe: Not giving card details over the phone.",
            "Not giving card details over the phone",
            "Caller: Evri claims, we owe you £60 for a crushed parcel. I'll need your card number.",
            3,
        ),
        // The caller gave up, the family says to block, the check found nothing.
        (
            "那人说我快递丢了要赔我钱，我问他是哪个快递，他答不上来，自己挂了。",
            "自己挂了",
            "那人说我快递丢了要赔我钱，我问他是哪个快递，他答不上来",
            2,
        ),
        (
            "对方说我的包裹被海关扣了，要交清关费，我问他单号，他就不打了。",
            "他就不打了",
            "对方说我的包裹被海关扣了，要交清关费，我问他单号",
            3,
        ),
        (
            "Mum: a man from 'FedEx' said my parcel is held at customs.\nMe: Block the number, mum.",
            "Block the number",
            "Mum: a man from 'FedEx' said my parcel is held at customs.",
            2,
        ),
        (
            "Caller: Amazon here, your Prime renews at $139 today.\nMe: I checked, there's no membership on my account at all.",
            "there's no membership on my account at all",
            "Caller: Amazon here, your Prime renews at $139 today.",
            2,
        ),
        // The phone's own block on overseas calls, set after the call, is no caller's number.
        (
            "有个+852的号码说她的包裹被海关扣了，她没听完就挂了，我帮她开了境外来电拦截。",
            "她没听完就挂了",
            "有个+852的号码说她的包裹被海关扣了",
            2,
        ),
    ] {
        let analysis = match rules.analyze(text) {
            Ok(a) => a,
            Err(err) => panic!("{err}"),
        };
        assert!(
            analysis.verdict.level.number() < 2,
            "{text}: {:?}",
            analysis.questions()
        );
        assert_eq!(analysis.refused.map(|q| q.text).as_deref(), Some(quote));
        // Without the refusal the same requests are the scam.
        assert_eq!(level(&rules, asked), level_asked, "{asked}");
    }
    // Still the scam: the caller's threat to hang up, a caller who rings back and asks again,
    // money already sent, a request after the hang-up.
    assert_each_level_3(
        &rules,
        &[
            "客服：您下载一个会议软件，不然我就挂了，退款就没了",
            "他让我下载会议软件，我挂了。后来他又打来让我共享屏幕",
            "他让我转账到安全账户，我转了两万，然后我就挂了",
            "He wanted my card number, I hung up, then he texted me a link to fill in my card details.",
            "Caller: please don't hang up, install AnyDesk now and I'll process the refund.",
            // "I think I've been scammed" tells that the money has gone.
            "小陈：哥们我好像被骗了\n阿杰：咋了",
            "I think I got scammed. The 'Best Buy' agent said my plan auto-renewed.",
            // A caller's "check with 95188 if you don't believe me" is no check by the person.
            "客服：您先下载这个会议软件，不信您可以打95188核实。",
            // Agreeing and saying goodbye is no refusal.
            "Caller: Please transfer the balance to the safe account now.\nMe: OK, I will do it now. Bye.",
            "客服：您先下载这个会议软件，共享屏幕。\n我：好的，我马上下载，拜拜。",
            "Caller: Install AnyDesk and read me the code.\nMe: Okay bye.",
            // The caller's "过期就作废" is a threat, not the person letting it go.
            "客服：您下载一个我们的理赔app，填一下银行卡号和验证码，这个赔付过期就作废了",
            // The caller's "don't hang up yourself" is no hang-up.
            "客服：您别自己挂了，先下载会议软件。",
            // Told to hang up is not having hung up.
            "Mum: the Amazon man says I need to install Zoho Assist to cancel it.\nTom: NO mum hang up\nMum: he says it'll be charged at 5 if I don't",
        ],
    );
    assert!(
        rules
            .analyze("他让我转账到安全账户，我转了两万，然后我就挂了")
            .ok()
            .is_some_and(|a| a.refused.is_none())
    );
}

#[test]
fn a_call_the_person_reports_counts_unless_the_real_company_answered() {
    let rules = rules();
    // The person asking about a call still going on: the requests they report count.
    assert_each_level_3(
        &rules,
        &[
            "有人打电话说是淘宝客服，让我下载一个会议软件共享屏幕，我现在已经下好了",
            "刚才有人打电话说是抖音客服，我开了直播会员每月扣800，让我下个会议软件关掉，是真的吗",
            "Someone called saying they're from Shopee and they want my OTP for the refund, is this real?",
        ],
    );
    // "要不要填？" holds "不要填", "真的假的？" holds "假的": the person's question is no warning.
    assert_each_level_3(
        &rules,
        &[
            "他让我扫码进了一个理赔页面，要填身份证和银行卡，还要填验证码，我要不要填？",
            "他让我下一个会议软件，说要开屏幕共享，他帮我操作，我已经下好了，要不要开啊",
        ],
    );
    assert_each_raised(
        &rules,
        &[
            "刚才一个自称快递的打电话，说我的包裹丢了要赔我三倍，让我加他微信走理赔，你说是真的假的？",
            "您好，我是淘宝小二，系统显示您误勾选了运费险年度套餐，每月会从支付宝扣98元，需要我帮您退订吗？",
            "Then a man called from a +60 number saying the police will be told about contraband if I don't pay the verification fee by 3pm.",
            "有人打电话说我快递丢了要赔我钱，让我加他微信，是真的吗？",
        ],
    );
    // The same report in a call to the real company, which says what it never does, or
    // beside a line that names the scam; and the family's "if anyone ever…".
    assert_each_below_level_2(
        &rules,
        &[
            "我：有人打电话说我的包裹被海关扣了，要交钱才放行。\n12360：您好，海关不会电话通知个人缴费，您可以在掌上海关里查包裹状态。",
            "有人打电话说我借呗要注销，不然影响征信。\n客服：那是骗局，借呗不需要注销。",
            "Me: Someone called saying they're from Shopee and they want my OTP for the refund.\nAgent: That's not us. Shopee will never call for your OTP.",
            "以后有人让你转钱，你先问我。",
        ],
    );
}

#[test]
fn a_platforms_own_refund_is_not_the_scams_offer() {
    let rules = rules();
    assert_each_below_level_2(
        &rules,
        &[
            "【某宝】您的退款申请已通过，款项将在1-3个工作日原路退回，请注意查收。",
            "Your refund of £12.99 has been issued to your original payment method.",
            "【某音乐】会员将于明日自动续费15元，如不需要可在App设置中关闭。",
            "Ordered from the US so I'm expecting import GST on delivery, the shop said it would show in the courier's own app.",
            "【中通快递】您反馈的快件丢失问题已核实，按保价金额为您赔付300元，赔款由寄件商家通过原订单退款给您。",
        ],
    );
}

#[test]
fn the_honest_version_in_one_turn_speaks_for_the_same_speakers_other_turns() {
    let rules = rules();
    // The agent offers a refund in one turn and says how an honest one is paid in another.
    assert_each_below_level_2(
        &rules,
        &[
            "客服：您好，您买的台灯抽检不合格，我们给您全额退款。\n我：那要怎么退？\n客服：退款会原路退回到您付款的账户，您不用做任何操作。",
            "Agent: Your annual membership renews on the 3rd at $120 unless you cancel.\nMe: I might not keep it.\nAgent: That's fine, you can cancel in the app under Account, Membership.",
        ],
    );
    // Not when something critical is asked: the honest-sounding words are then the scammer's,
    // and the offer stays to explain the verdict.
    let scam = "客服：您的快递丢了，我们给您三倍赔偿。\n我：好。\n客服：您先下载一个会议App，我带您操作，核验完原路退回。";
    assert_eq!(level(&rules, scam), 3);
    assert!(indicated(&rules, scam).iter().any(|q| q == "refund_offer"));
    // Nor when someone else says it: the person's question is not the agent's answer.
    let asked = "客服：您的订单有质量问题，给您双倍赔偿。\n我：退款是原路退回吗？";
    assert_eq!(indicated(&rules, asked), ["refund_offer"]);
    assert_each_raised(&rules, &[asked]);
}

#[test]
fn a_refund_in_one_turn_and_a_download_in_another_combine() {
    let rules = rules();
    let call = "客服：您好，您的包裹在运输中丢失了，我们给您双倍赔偿。\n我：好的。\n客服：您先下载一个会议软件，我教您操作。";
    let found = indicated(&rules, call);
    assert!(found.iter().any(|q| q == "refund_offer"), "{found:?}");
    assert!(found.iter().any(|q| q == "download_app"), "{found:?}");
    assert_eq!(level(&rules, call), 3);
}

#[test]
fn seed_lines_with_a_critical_step_reach_level_3() {
    let rules = rules();
    for line in [
        "您操作失误取走了别人的理赔款，如果不在5分钟内取消，会严重影响您的个人征信",
        "输入会议号进入会议，开启屏幕共享",
        "您先打开蚂蚁借呗，把额度借出来",
        "Please share your screen so we can record the claim.",
    ] {
        assert_eq!(level(&rules, line), 3, "{line}");
    }
}

#[test]
fn everyday_messages_stay_below_level_2() {
    let rules = rules();
    let everyday = [
        // A shop's promotion with a link.
        "【某旗舰店】双11大促，全场5折起，点击 https://t.cn/abc123 领取优惠券，退订回T",
        "Big sale this weekend! 50% off everything, tap https://shop.example/sale to see deals. Reply STOP to opt out.",
        // Refund notices from the platform itself.
        "【某宝】您的退款申请已通过，款项将在1-3个工作日原路退回，请注意查收。",
        "您的退款已原路退回，查看详情请打开App。",
        "Your refund has been approved and returned to your original payment method.",
        "We've issued a refund of $12.99 to your original payment method.",
        // The family's "type it yourself, tell no one, not even me".
        "Yes, that's your UPI PIN, you type it yourself, don't tell anyone, not even me.",
        // A news item: "police urge people never to install software…".
        "Local paper: a pensioner lost $4,000 after a caller claiming to be from Amazon got remote access to her laptop. Police urge people never to install software because of a cold call.",
        // The carrier's own site, also right before Chinese text.
        "Purolator: Shipment 3329 4410 8812 requires a signature. Reschedule on purolator.com with your PIN from the door tag.",
        "Apple支持：您可以在reportaproblem.apple.com登录后选择该笔购买申请退款。",
        // A repayment reminder that names the app's menu.
        "GCash: Your GLoan payment of ₱1,250 is due on 15 Jun. Pay via GCash > Borrow > GLoan > Pay.",
        // A customs hold paid in the carrier's own app.
        "DHL: Shipment 7734 1182 90 from Shenzhen is held at customs pending duties of $32.10. Pay in the DHL Express app under 'Pay duties', or at a DHL ServicePoint on collection.",
        // Duty paid there and then; a replacement sent.
        "Auntie, this parcel got GST $9.18 to pay before you can take it, you can pay by NETS or cash ok.",
        "Royal Mail: Yes, there's £9.60 import VAT and the £8 handling fee. We don't take payment by phone, pay at the delivery office with ID.",
        "Hi, Amazon customer service returning your callback about the missing headphones. We've sent a replacement, it'll be with you Thursday.",
        // A bank's debit alert.
        "SBI: Rs 2,500.00 debited from A/c XX4471 on 14-05 via UPI to ZOMATO. Not you? Call 1800 1234.",
        // The person's own mistake, reported to the carrier.
        "Me: Hello, I sent 2,000 to the wrong number by mistake this morning, can you reverse it?",
        // A grandchild sitting beside the person, asking for the login code.
        "奶奶，验证码发到你手机上了，你念给我就行，我就在你旁边坐着呢。",
        // Duty paid in person, there and then.
        "Clerk: That's €18.45 with the customs fee. Card or cash?",
        "Madam, the customs charge on your box is N45,919 and our handling is N1,050, pay at this counter and collect your official receipt.",
        // A sender named by its domain is no link to open.
        "Amazon.co.uk: We're sorry your kettle arrived damaged. A refund of £23.99 has been issued to your original payment method and should show within 3-5 days.",
        // The bank's own text, which sends the person to the number on their card.
        "Barclays: A payment of £1,200 to a new payee was stopped for your protection. Please call us on the number on the back of your card. Don't reply to this text.",
        // A bank's own overdue reminder, repaid in its own app.
        "【某银行】您尾号1234的信用卡已逾期3天，请尽快通过手机银行还款，以免影响个人征信。",
        // Someone else's mother, and calls counted, are not money the person sent.
        "同事：你听说没，老张他妈被骗了。",
        "我：你们今天已经打了五次了，我说过我不需要。",
        // Delivery notices.
        "您的快递将于45分钟内送达，请保持电话畅通。",
        "Your delivery arrives in 45 minutes.",
        "【某快递】您的订单已发货，快递单号 SF1234567890，预计明天送达。",
        "Your parcel with tracking number 1Z999AA10123456784 is out for delivery.",
        // A genuine verification-code SMS and bank reminders.
        "【某银行】您的验证码是 482913，5分钟内有效，请勿泄露给他人。",
        "Your verification code is 482913. Do not share it with anyone.",
        "您的信用卡本期账单已出，请按时还款。",
        // Duty the sender paid, or paid to the driver at delivery.
        "DHL: The sender has paid all duties. Your shipment will be delivered tomorrow. No action is needed.",
        "UPS: Duties and taxes of $31.20 are due on shipment 1Z9V40W86812345. Pay in your UPS My Choice account or to the driver at delivery.",
        // Rent and its receipt, duty payable at the courier's office, a loan's own reminder
        // with its menu path, a screen shared with family, a friend borrowing till payday.
        "Please pay June rent by EFT into the usual FNB account and WhatsApp me the proof of payment, thanks.",
        "Aramex: Shipment 44712290 from Dubai is cleared by KRA. Duty Ksh3,240 is payable via Aramex Paybill 200300, acc 44712290, or at our Mombasa Rd office before delivery.",
        "GCash: Your GLoan payment of ₱1,250 is due on 15 Jun. Pay via GCash > Borrow > GLoan > Pay. Ignore if already paid.",
        "妈，我在视频里给你共享屏幕了，你看着我点哪你就点哪，这个是医院挂号的小程序。",
        "老同学，方便先借我两千吗，下周五发工资就还你，不方便也没事哈",
        "Caller: Sir, FedEx Mumbai speaking, a parcel in your name going to Iran is seized with drugs.\nMe: No need. I'll walk into my local police station myself. Don't call this number again.",
        // "We don't ask you to transfer to a person"; a caller's "I sent you 3,000 by mistake"
        // refused; a family remittance.
        "邮政：您可以在“中国邮政”公众号里交，我们这边不收现金也不让您转账给个人。",
        "Caller: I sent you 3,000 by mistake please send it back\nMe: Forward the M-PESA message to 456 and Safaricom will reverse it\nCaller: please just send\nMe: No. Use 456.\n(he called back five more times, I didn't pick)",
        "Nanay: Anak, I sent ₱10,000 through Palawan Express, control number is 4471-2290. Claim it before Friday ha, bring your ID.",
        // A bank clerk's check, a bill already paid in the app, a refund an agent has issued,
        // an expense claim, duty paid at the counter on collection, a work meeting's passcode.
        "Before I send this for you, is anyone on the phone telling you to move the money, or telling you not to mention it to the bank?",
        "The Telstra bill's $89 this month, I already paid it through the app so don't worry about the letter.",
        "Uber Eats support here, so sorry the burger was missing, I've refunded $15.90 to your card, nothing else needed from you.",
        "Manager: Your expense claim for the client lunch is approved, £63.40.",
        "PostNet counter: Yes, tracking ends 88ZA. There's R312 SARS VAT and handling on it, you pay here when you collect.",
        "Zoom link for 10am standup: zoom.us/j/9921… passcode 1122. I'll share my screen for the sprint board, no need to prep.",
        // A carrier's own renewal notice, ID uploaded only through the official mini-program,
        // an out-of-stock refund by the original route, a work meeting's screen.
        "【中国联通】您订购的“视频彩铃会员”5元/月将于下月1日扣费，退订请回复TD或拨打10010。",
        "【顺丰速运】您的国际件已到达深圳关区，需提交收件人身份证信息用于海关申报，请仅通过顺丰官方小程序上传。咨询95338。",
        "您好，您拍的那款羽绒服L码断货了，我们给您退款，您同意的话我在后台点一下就好，钱原路回去。",
        "下午两点的客户会你共享一下屏幕，把上周的报价单给对方过一遍。",
        "我刚给顺丰客服热线95338打过去了 人家说我的件在派送中 没有丢 那个说要赔我钱的是假的",
        // Genuine renewals: managed at the platform's own address, a carrier's own notice, the
        // app's own menu path; "I don't even have Prime".
        "Netflix: your Standard plan renews on 2 July and ₹499 will be charged via UPI AutoPay. Manage at netflix.com/account",
        "【中国移动】尊敬的客户，您订购的“5G畅享流量包”将于下月1日自动续订，资费30元/月，如需退订请回复“TD5G”。",
        "抖音客服：您在抖音“我—设置—钱包—自动续费管理”里自己取消就行，取消后就不会再扣。",
        "lol I got the 'your Prime membership is renewing for £79.99, press 1' robocall again. I don't even have Prime.",
        // A refund the person already got.
        "The Bunnings refund for that broken ladder came through finally, $129 back on the card",
        // Logging in to one's own app.
        "The new bank app lets you log in with Face ID now, much quicker than typing the password.",
        // A homophone's characters inside other words ("经理陪着").
        "我申请房贷的时候银行让我在手机银行里做了人脸识别，都是在柜台经理陪着操作的。",
        // The person's own borrowing, for their own needs.
        "我上个月在支付宝备用金借了500应急，这个月已经还上了",
        // A warning in Cantonese; a courier collecting freight who also takes cash.
        "【香港海關】提提你：海關唔會透過電話要求市民轉賬或者提供銀行資料。",
        "快递员：您好，您的到付件运费18块，扫码还是现金？",
        // Family: a streaming login on the television, paying the babysitter.
        "mam can u send me the code that just came on ur phone? its for the netflix on the telly, it logged me out again",
        "Honey, the Venmo for the babysitter is @Jess-Carter-22, send her sixty for tonight.",
        // Everyday speech.
        "妈，我下午去取快递，晚上回家吃饭。",
        "The meeting with the landlord is at 3pm tomorrow.",
    ];
    for line in everyday {
        let analysis = match rules.analyze(line) {
            Ok(a) => a,
            Err(err) => panic!("{err}"),
        };
        assert!(
            analysis.verdict.level.number() < 2,
            "{line:?} reached level {} via {:?}",
            analysis.verdict.level,
            analysis.questions()
        );
    }
}

#[test]
fn spans_point_into_the_original_text_even_after_full_width_normalisation() {
    let rules = rules();
    let text = "前言：不在５分钟内取消，会影响您的征 信。";
    let analysis = match rules.analyze(text) {
        Ok(a) => a,
        Err(err) => panic!("{err}"),
    };
    assert!(!analysis.findings.is_empty());
    for f in &analysis.findings {
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert_eq!(&text[f.start..f.end], f.text);
    }
    let threat = analysis
        .findings
        .iter()
        .find(|f| f.question == "credit_threat");
    let Some(threat) = threat else {
        panic!("no credit threat in {:?}", analysis.findings)
    };
    assert!(threat.text.contains('５'), "{threat:?}");
    assert!(threat.text.ends_with("征 信"), "{threat:?}");
}

#[test]
fn text_over_the_cap_is_refused_not_scanned() {
    let rules = rules();
    let text = "a".repeat(MAX_TEXT_BYTES + 1);
    match rules.analyze(&text) {
        Err(AnalyzeError::TooLong { len, max }) => {
            assert_eq!(len, MAX_TEXT_BYTES + 1);
            assert_eq!(max, MAX_TEXT_BYTES);
        }
        Ok(_) => panic!("a text over the cap was analysed"),
    }
    let at_cap = "征".repeat(MAX_TEXT_BYTES / 3);
    assert!(rules.analyze(&at_cap).is_ok());
}

#[test]
fn empty_text_has_no_findings_and_level_0() {
    let rules = rules();
    let analysis = match rules.analyze("") {
        Ok(a) => a,
        Err(err) => panic!("{err}"),
    };
    assert!(analysis.findings.is_empty());
    assert_eq!(analysis.verdict.level.number(), 0);
}

#[test]
fn overlapping_and_nested_findings_merge_into_one_highlight_with_the_top_severity() {
    let rules = rules();
    let finding = |question: &str, start, end| Finding {
        question: question.to_owned(),
        start,
        end,
        text: String::new(),
    };
    let findings = [
        finding("claims_service", 0, 10),
        finding("screen_share", 4, 8),
        finding("knows_details", 9, 20),
        finding("refund_offer", 30, 40),
    ];
    let merged = highlights(rules.rules(), &findings);
    assert_eq!(merged.len(), 2, "{merged:?}");
    assert_eq!((merged[0].start, merged[0].end), (0, 20));
    assert_eq!(merged[0].severity, Severity::Critical);
    assert_eq!(
        (merged[1].start, merged[1].end, merged[1].severity),
        (30, 40, Severity::High)
    );
}

#[test]
fn highlights_of_a_real_text_fall_on_character_boundaries() {
    let rules = rules();
    let text = "您好，我是国际物流客服，包裹压坏了要给您双倍赔偿，请下载会议APP，输入会议号，开启屏幕共享。";
    let analysis = match rules.analyze(text) {
        Ok(a) => a,
        Err(err) => panic!("{err}"),
    };
    let merged = highlights(rules.rules(), &analysis.findings);
    assert!(!merged.is_empty());
    for h in &merged {
        assert!(h.start < h.end && text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
    }
    assert!(merged.windows(2).all(|w| w[0].end <= w[1].start));
}

#[test]
fn a_text_about_the_scam_is_advice_not_a_request() {
    let rules = rules();
    // A poster: the scam is named in the heading, the moves are listed below it.
    let poster = "冒充客服退款诈骗的信号：\n①让你加个人微信进理赔群\n②让你下载会议App、共享屏幕\n③让你打开借呗看看额度";
    assert!(level(&rules, poster) < 2, "{:?}", indicated(&rules, poster));
    let quote = match rules.analyze(poster) {
        Ok(a) => a.about_the_scam.map(|q| q.text),
        Err(err) => panic!("{err}"),
    };
    assert_eq!(quote.as_deref(), Some("冒充客服退款诈骗的信号"));
    // The same moves without the heading are the scam.
    let moves = "①让你加个人微信进理赔群\n②让你下载会议App、共享屏幕\n③让你打开借呗看看额度";
    assert_eq!(level(&rules, moves), 3, "{:?}", indicated(&rules, moves));
    // "I already paid" is never dropped: it is the emergency.
    let victim = "刚才那个客服是骗子吧？我已经按他说的转了5000块。";
    assert!(
        indicated(&rules, victim)
            .iter()
            .any(|q| q == "already_paid"),
        "{:?}",
        indicated(&rules, victim)
    );
    // A victim saying they were scammed tells the scam, which counts; one who was nearly
    // scammed tells of a call that did not go ahead.
    let told = "小吴:你昨天怎么一直没回消息?\n老吴:别提了,被骗了一万多。\n老吴:他让我下钉钉,开共享屏幕,说要录屏上传。";
    assert_eq!(level(&rules, told), 3, "{:?}", indicated(&rules, told));
    let nearly = "小林：我跟你说我刚才差点被骗\n小林：一个人说是拼多多的，让我下个会议软件开共享，说方便指导";
    assert!(level(&rules, nearly) < 2, "{:?}", indicated(&rules, nearly));
    // A warning about scams at the end of a scam message does not hide the request before it.
    for sms in [
        "【顺丰】您的快递丢失，点击 sf-claim.top 领取三倍赔偿。谨防诈骗。",
        "【顺丰】您的快递丢失，请加微信sf0231领取三倍赔偿，谨防冒充客服的骗子。",
        "Royal Mail: your parcel is on hold, pay the £1.99 fee at royalmail-redeliver.com. Beware of scams.",
    ] {
        assert_eq!(level(&rules, sms), 3, "{sms}: {:?}", indicated(&rules, sms));
        // Nothing was dropped, so the text is not called advice either.
        let about = rules.analyze(sms).ok().and_then(|a| a.about_the_scam);
        assert!(about.is_none(), "{sms}: {about:?}");
    }
    // A heading ending in a colon still names the scam; a speaker's label in a pasted call
    // ("骗子：", "Scammer:") does not.
    assert_each_below_level_2(
        &rules,
        &[
            "Signs of the fake refund scam: they ask you to install a meeting app or share your screen.",
            "识别骗子：让你下载会议App、共享屏幕",
        ],
    );
    assert_each_level_3(
        &rules,
        &[
            "Scammer: please install AnyDesk now\nMe: ok",
            "骗子：您先下载一个会议App\n我妈：好",
        ],
    );
    // An opening reported in one line and called a scam in a later one is what the text
    // reports ...
    assert_each_below_level_2(
        &rules,
        &[
            "我：我接到个电话，说我的百万保障每个月要扣钱，要我关掉。\n客服：您好，支付宝客服。那是诈骗电话，请直接挂断。",
            "Me: I got a call saying my Prime membership is renewing for £79.99.\nAgent: That call didn't come from us, it's a scam.",
        ],
    );
    // ... but a dangerous move before it still counts, and so does everything before a
    // question ("你们是骗子吧？").
    assert_each_level_3(
        &rules,
        &[
            "客服：您的快递丢了，您先下载一个会议App。\n我：朋友说这是诈骗。",
            "客服：您的快递丢了，给您三倍赔偿，加一下我的微信。\n我：你们是骗子吧？\n客服：不是，您放心。",
        ],
    );
    // A caller's "I'm not a scammer" is not advice.
    let caller = "您放心，我们不是骗子，您先下载一个会议App，我教您关闭会员。";
    assert_eq!(level(&rules, caller), 3, "{:?}", indicated(&rules, caller));
}

#[test]
fn a_call_the_person_made_to_the_official_number_is_their_check_not_the_scam() {
    let rules = rules();
    for call in [
        "我：你好，是京东官方客服吗？我刚接到一个电话，说我白条不注销会影响征信，让我下载会议软件。\n客服：您好，京东不会来电让您注销白条，也不会让您下载软件，这是诈骗电话。",
        "Me: I'm calling the number on the back of my debit card. Someone rang saying they were your fraud team and asked me to move my money to a safe account.\nAgent: That wasn't us. Please don't move anything.",
    ] {
        assert!(
            level(&rules, call) < 2,
            "{call}: {:?}",
            indicated(&rules, call)
        );
        let about = rules.analyze(call).ok().and_then(|a| a.about_the_scam);
        assert!(about.is_some(), "{call}: the reason is given");
    }
    // Money already gone still counts: the check came too late.
    let late = "我打了银行的电话，银行说卡没事。可我之前已经按他说的转了5000块。";
    assert!(
        indicated(&rules, late).iter().any(|q| q == "already_paid"),
        "{:?}",
        indicated(&rules, late)
    );
    // A number the caller gave is not the official one, and a call back to the number in a
    // fake invoice opens like an honest call.
    assert_each_level_3(
        &rules,
        &[
            "我打了短信里的号码，对方让我下载一个会议App共享屏幕。",
            "我：喂，你好，是京东客服吗？我要取消会员。\n客服：您先下载一个会议App，我教您关闭。",
            "Caller: Geek Squad billing, you called about the $389 renewal?\nMe: Yes, I never signed up for that.\nCaller: I'll refund it. Please download TeamViewer QuickSupport so I can open the refund portal on your PC.",
        ],
    );
}

#[test]
fn each_line_of_a_pasted_call_is_read_on_its_own() {
    let rules = rules();
    // A warning in one turn does not hide a request in the next, even when both are Chinese
    // and only a line break separates them.
    let call = "我：你不要骗我\n客服：您先下载一个会议App，我教您操作。";
    assert!(
        indicated(&rules, call).iter().any(|q| q == "download_app"),
        "{:?}",
        indicated(&rules, call)
    );
    // The person's own question is not the caller's request.
    let own = "我：那要我把身份证号告诉你吗？\n客服：不用告诉我，您在官方App里自己上传就行。";
    assert!(
        !indicated(&rules, own).iter().any(|q| q == "card_or_code"),
        "{:?}",
        indicated(&rules, own)
    );
}

#[test]
fn traditional_characters_read_as_simplified_and_quotes_stay_as_written() {
    let rules = rules();
    let text = "請把驗證碼告訴我，我幫你辦理退款。";
    let findings = match rules.analyze(text) {
        Ok(a) => a.findings,
        Err(err) => panic!("{err}"),
    };
    let code = findings.iter().find(|f| f.question == "card_or_code");
    let Some(code) = code else {
        panic!("{findings:?}")
    };
    assert_eq!(code.text, &text[code.start..code.end]);
    assert!(code.text.contains("驗證碼"), "{code:?}");
}
