//! Realistic mixed text for benchmarks and responsiveness measurements: lines from the seeds
//! (the scam) interleaved with everyday messages, Chinese and English.

/// Lines the scam uses (from the seeds) and lines it does not.
pub const LINES: &[&str] = &[
    "您好，我是国际物流客服，您有一个美国来的包裹在分拣中被压坏了，需走核对理赔程序。",
    "妈，我下午去取快递，晚上回家吃饭。",
    "【某快递】您的订单已发货，快递单号 SF1234567890，预计明天送达。",
    "理赔有录音要求，您需要下载一个会议APP，输入会议号进入会议，然后开启屏幕共享。",
    "Your delivery arrives in 45 minutes.",
    "您操作失误取走了别人的理赔款，如果不在5分钟内取消，会严重影响您的个人征信。",
    "The meeting with the landlord is at 3pm tomorrow.",
    "我们操作失误，把您设置成批发商账号，每个月会从您的支付宝里扣500元，需要帮您取消这个业务吗？",
    "【某宝】您的退款申请已通过，款项将在1-3个工作日原路退回，请注意查收。",
    "Please share your screen so we can record the claim.",
    "您先打开蚂蚁借呗，把额度借出来，退款就能到账。",
    "周末一起去公园散步吧，天气预报说是晴天。",
    "Your refund has been approved and returned to your original payment method.",
    "请在这个链接里填写您的银行卡号，然后把验证码报一下。",
];

/// About `bytes` bytes of mixed text, whole lines only, newline-separated.
pub fn mixed_text(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 256);
    for line in LINES.iter().cycle() {
        if text.len() + line.len() + 1 > bytes {
            break;
        }
        text.push_str(line);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_text_stays_within_the_size_and_holds_whole_lines() {
        for size in [1024, 100 * 1024] {
            let text = mixed_text(size);
            assert!(
                text.len() <= size && text.len() > size - 400,
                "{}",
                text.len()
            );
            assert!(text.ends_with('\n'));
        }
    }
}
