//! Teaching notes the engine writes itself, for what it judges from the case's truth: insider
//! quality, the burning-issue diagnosis, the sequencing rules, the rank, competitors' moves
//! and the customer's decision. The course's names for the moves belong here, after the
//! choice, never in a choice's label.

use super::compile::{Compiled, Ix};
use super::decision::Evaluation;
use super::state::{Bidder, State};
use crate::case::model::{
    Attitude, BurningIssue, Competitor, InsiderTrap, Mistake, Rank, Stakeholder,
};
use crate::case::text::{Lang, Text};

fn both(f: impl Fn(Lang) -> String) -> Text {
    Text {
        en: f(Lang::En),
        zh: f(Lang::Zh),
    }
}

pub fn insider(
    p: &Stakeholder,
    influence: u8,
    attitude: Attitude,
    backs: Option<&Competitor>,
    quality: i32,
) -> Text {
    both(|l| {
        let name = p.name.get(l);
        let att = attitude.name();
        let mut s = match l {
            Lang::En => format!(
                "Insider: {name} — real influence {influence}/5, attitude {}. Insider quality {quality}/100 (influence × willingness to help).",
                att.get(l)
            ),
            Lang::Zh => format!(
                "内线：{name}——实际影响力 {influence}/5，态度：{}。内线质量 {quality}/100（影响力 × 帮助意愿）。",
                att.get(l)
            ),
        };
        if let Some(k) = backs {
            s.push_str(&match l {
                Lang::En => format!(
                    " Mistake: {name} is {}'s man — an insider who wants the other side to win.",
                    k.name.get(l)
                ),
                Lang::Zh => format!(
                    " 失误：{name}是{}的铁杆——内线必须希望你赢，而他希望对手赢。",
                    k.name.get(l)
                ),
            });
        }
        if quality < 60 {
            for trap in &p.traps {
                s.push(' ');
                s.push_str(trap_text(*trap, l));
            }
            if influence <= 2 {
                s.push_str(match l {
                    Lang::En => " Too little influence on this decision to carry you.",
                    Lang::Zh => " 此人对这次决策影响力太小，帮不了你。",
                });
            }
        }
        s
    })
}

fn trap_text(t: InsiderTrap, l: Lang) -> &'static str {
    match (t, l) {
        (InsiderTrap::LikesYou, Lang::En) => {
            "Mistake: liking you is not the same as helping you win."
        }
        (InsiderTrap::LikesYou, Lang::Zh) => "失误：喜欢你不等于会帮你赢。",
        (InsiderTrap::OldFriend, Lang::En) => {
            "Mistake: an old friendship is not influence over this decision."
        }
        (InsiderTrap::OldFriend, Lang::Zh) => "失误：过去的交情不等于对这次决策的影响力。",
        (InsiderTrap::HighestRank, Lang::En) => {
            "Mistake: the highest title is not the widest influence, and the top person will not coach you."
        }
        (InsiderTrap::HighestRank, Lang::Zh) => {
            "失误：级别最高不等于影响最广，高层也不会做你的内线。"
        }
    }
}

pub fn diagnosis(
    issue: &BurningIssue,
    owner: Option<&Stakeholder>,
    real: bool,
    weeks_late: i32,
) -> Text {
    both(|l| {
        let who = owner.map(|o| o.name.get(l)).unwrap_or("");
        let head = match (real, l) {
            (true, Lang::En) => format!("Right burning issue ({who})."),
            (true, Lang::Zh) => format!("找准了燃眉之急（{who}）。"),
            (false, Lang::En) => format!("Not the burning issue ({who}): a decoy."),
            (false, Lang::Zh) => format!("这不是燃眉之急（{who}），是个假象。"),
        };
        let late = if real && weeks_late > 0 {
            match l {
                Lang::En => format!(" Found {weeks_late} week(s) later than it could have been."),
                Lang::Zh => format!(" 比可能的时间晚了 {weeks_late} 周。"),
            }
        } else {
            String::new()
        };
        format!("{head}{late} {}", issue.explain.get(l))
    })
}

fn name(c: &Compiled, p: Ix, l: Lang) -> String {
    c.stakeholder(p).name.get(l).to_string()
}

fn rival(c: &Compiled, k: Ix, l: Lang) -> String {
    c.case.competitors[k as usize].name.get(l).to_string()
}

/// The short name of a mistake, for lists.
pub fn mistake_name(m: Mistake) -> Text {
    let (en, zh) = match m {
        Mistake::OverHead => ("Over your contact's head", "越过联系人"),
        Mistake::TopCold => ("Calling on the top cold", "冷冰冰直找高层"),
        Mistake::SkippedLevel => ("Skipped a level", "越级"),
        Mistake::TopUnprepared => ("Met the decision maker unprepared", "没准备就见决策人"),
        Mistake::NoLetter => ("No letter after the decision maker", "见决策人后没写信"),
        Mistake::WastedMeeting => ("A wasted meeting", "无效拜访"),
        Mistake::MoneyBeforeQualified => {
            ("Money before the lead was qualified", "线索未甄别就花钱")
        }
        Mistake::InvestedEarly => ("Invested before the decision level", "没见决策层就投入"),
        Mistake::LateExit => ("Walked away late", "退出太晚"),
        Mistake::NeverReachedTop => ("Never reached the decision maker", "始终没见到决策人"),
        Mistake::ClosedFirst => ("Closed questions before open ones", "先问封闭式问题"),
        Mistake::EmptySummary => ("A summary of nothing", "空洞的总结"),
        Mistake::PitchFirst => ("Presented before asking", "先讲后问"),
        Mistake::PayoffFirst => ("SPIN out of order", "SPIN顺序颠倒"),
        Mistake::WrongIssue => ("The wrong burning issue", "燃眉之急找错了"),
        Mistake::InsiderLikesYou => ("Insider: likes you", "内线：只是喜欢你"),
        Mistake::InsiderOldFriend => ("Insider: an old friend", "内线：老交情"),
        Mistake::InsiderHighestRank => ("Insider: the highest rank", "内线：级别最高"),
        Mistake::InsiderCompetitorsMan => ("Insider: the competitor's man", "内线：对手的铁杆"),
        Mistake::InsiderNoInfluence => ("Insider without influence", "内线没有影响力"),
        Mistake::WrongRank => ("Misjudged where you rank", "误判了自己的排位"),
    };
    Text::new(en, zh)
}

/// The teaching note of a sequencing rule; `who` names the people involved (the person met
/// first, then the others the rule concerns).
pub fn rule(c: &Compiled, m: Mistake, who: &[Ix]) -> Text {
    let list = |l: Lang, from: usize| {
        who.iter()
            .skip(from)
            .map(|&p| name(c, p, l))
            .collect::<Vec<_>>()
            .join(match l {
                Lang::En => ", ",
                Lang::Zh => "、",
            })
    };
    both(|l| {
        let x = who.first().map(|&p| name(c, p, l)).unwrap_or_default();
        match (m, l) {
            (Mistake::OverHead, Lang::En) => format!(
                "Over their heads: you met {x}, who is above {}, without them introducing you. They carried you this far and now know you went around them. Use your contact's own burning issue as the reason for him to take you up.",
                list(l, 1)
            ),
            (Mistake::OverHead, Lang::Zh) => format!(
                "越过了联系人：你绕开{}直接见了他们的上级{x}。是他们把你带到这一步的，现在他们知道你绕过了他们。应当以联系人自己的燃眉之急为由，请他带你向上。",
                list(l, 1)
            ),
            (Mistake::TopCold, Lang::En) => format!(
                "Calling on the top cold: {x} decides, and you came with nobody inside to introduce you. The top hands a stranger down to his staff, and remembers the stranger."
            ),
            (Mistake::TopCold, Lang::Zh) => format!(
                "冷冰冰直找高层：{x}是拍板人，而你没有任何内部人引荐。高层会把陌生人打发给下属，也会记住这个陌生人。"
            ),
            (Mistake::SkippedLevel, Lang::En) => format!(
                "Skipped a level: {} took you to {x} past {}, who was never met. The manager in between now knows he was left out.",
                who.get(1).map(|&p| name(c, p, l)).unwrap_or_default(),
                list(l, 2)
            ),
            (Mistake::SkippedLevel, Lang::Zh) => format!(
                "越级：{}带你见了{x}，跳过了从未见过的{}。被跳过的中间人知道自己被撇在了一边。",
                who.get(1).map(|&p| name(c, p, l)).unwrap_or_default(),
                list(l, 2)
            ),
            (Mistake::TopUnprepared, Lang::En) => format!(
                "Unprepared at the top: you met {x}, the decision maker, before diagnosing any burning issue or preparing a solution. At the top you talk value, vision and difference; you had none yet."
            ),
            (Mistake::TopUnprepared, Lang::Zh) => format!(
                "没准备就见高层：在还没判断出燃眉之急、也没准备方案时就见了拍板人{x}。见高层要谈价值、愿景和差异，而你还什么都没有。"
            ),
            (Mistake::NoLetter, Lang::En) => "No letter after meeting the decision maker: summarise in writing what he wants to achieve, where things stand, what is needed, and the next steps of both sides. Unwritten agreements fade.".into(),
            (Mistake::NoLetter, Lang::Zh) => "见完决策人没有写信：应当书面总结他想达成的目标、现状与问题、需要什么，以及双方下一步的行动。没落到纸上的共识会淡去。".into(),
            (Mistake::WastedMeeting, Lang::En) => "A wasted meeting: you learned nothing new and moved nobody. Every meeting costs time, money and goodwill; go with a question you need answered.".into(),
            (Mistake::WastedMeeting, Lang::Zh) => "无效拜访：没有得到新信息，也没有改变任何人的态度。每次拜访都有时间、费用和人情成本；带着需要回答的问题去。".into(),
            (Mistake::MoneyBeforeQualified, Lang::En) => "Money before qualification: you spent on a lead nobody has qualified yet. A phone call costs nothing and often tells you as much; no hawk before you see the hare.".into(),
            (Mistake::MoneyBeforeQualified, Lang::Zh) => "线索还没甄别就花钱：一个电话不花钱，往往能知道同样多的东西。不见兔子不撒鹰。".into(),
            (Mistake::InvestedEarly, Lang::En) => "Invested before the decision level: a big spend before the decision maker has agreed to explore answers your own guesses, not his needs.".into(),
            (Mistake::InvestedEarly, Lang::Zh) => "没见决策层就大投入：决策人还没同意继续探讨，大笔投入回答的只是你自己的猜测，而不是他的需要。".into(),
            (Mistake::LateExit, Lang::En) => "Walking away late: leaving a lost deal is right, but by now much of the time and money is gone. If you cannot be first, be last early.".into(),
            (Mistake::LateExit, Lang::Zh) => "退出太晚：离开一个没希望的单子是对的，但时间和钱已经花掉了大半。成不了第一，就早早当倒数第一。".into(),
            (Mistake::NeverReachedTop, Lang::En) => "The customer decided and you never met the decision maker. Without the top, the best work below can be undone in one sentence.".into(),
            (Mistake::NeverReachedTop, Lang::Zh) => "客户已经做了决定，而你始终没见到拍板人。见不到高层，下面做得再好，也可能被他一句话推翻。".into(),
            (Mistake::ClosedFirst, Lang::En) => format!(
                "Closed before open: a yes-or-no question to {x} before you knew what mattered to him gets only a yes or a no. Open first, then close."
            ),
            (Mistake::ClosedFirst, Lang::Zh) => format!(
                "先封闭后开放：还不知道{x}在意什么就问是非题，只能得到是或不是。先开放，再封闭。"
            ),
            (Mistake::EmptySummary, Lang::En) => "A summary of nothing: nothing was opened or confirmed yet, so there was nothing to agree on.".into(),
            (Mistake::EmptySummary, Lang::Zh) => "空洞的总结：还没有打开话题、也没有确认什么，就没有什么可以达成共识的。".into(),
            (Mistake::PitchFirst, Lang::En) => format!(
                "Presenting before asking: {x} had not yet told you what he needs, so the presentation answered questions nobody asked."
            ),
            (Mistake::PitchFirst, Lang::Zh) => format!(
                "先讲后问：{x}还没说出他需要什么，你的介绍回答的是没人问过的问题。"
            ),
            (Mistake::PayoffFirst, Lang::En) => "SPIN out of order: the payoff or the implications came before the problem was on the table. Problem, then implication, then need-payoff.".into(),
            (Mistake::PayoffFirst, Lang::Zh) => "SPIN顺序颠倒：问题还没摆上桌面，就谈后果或收益。先问题，再暗示（后果），再需求-效益。".into(),
            (other, l) => mistake_name(other).get(l).to_string(),
        }
    })
}

/// The note of a rank judgement.
pub fn rank(judged: Rank, truth: Rank) -> Text {
    let rank_name = |r: Rank, l: Lang| r.name().get(l).to_string();
    both(|l| {
        if judged == truth {
            match l {
                Lang::En => format!(
                    "Right: you were {} at that point. Read the signals, not your hopes.",
                    rank_name(truth, l)
                ),
                Lang::Zh => format!(
                    "判断正确：那时你确实是{}。看信号，而不是看自己的希望。",
                    rank_name(truth, l)
                ),
            }
        } else {
            match l {
                Lang::En => format!(
                    "Misjudged: you thought you were {}, but the deal had you as {}. People hear selectively what favours them; check the signals — how many questions they ask, who plans the next step, whether the top appears.",
                    rank_name(judged, l),
                    rank_name(truth, l)
                ),
                Lang::Zh => format!(
                    "判断失误：你以为自己是{}，其实是{}。人总是选择性地听对自己有利的话；要看信号——客户问题多不多、谁在安排下一步、高层是否出面。",
                    rank_name(judged, l),
                    rank_name(truth, l)
                ),
            }
        }
    })
}

pub fn rival_invests(c: &Compiled, k: Ix) -> Text {
    both(|l| match l {
        Lang::En => format!(
            "{} is said to be putting more people on the deal.",
            rival(c, k, l)
        ),
        Lang::Zh => format!("听说{}在这个项目上又加派了人手。", rival(c, k, l)),
    })
}

pub fn rival_courts(c: &Compiled, k: Ix, who: Option<Ix>) -> Text {
    both(|l| match (who, l) {
        (Some(p), Lang::En) => format!(
            "Your insider tells you {} has been wining and dining {}.",
            rival(c, k, l),
            name(c, p, l)
        ),
        (Some(p), Lang::Zh) => format!(
            "内线告诉你：{}最近在请{}吃饭、走动频繁。",
            rival(c, k, l),
            name(c, p, l)
        ),
        (None, Lang::En) => format!(
            "{} has been busy with people at the customer; you do not know with whom.",
            rival(c, k, l)
        ),
        (None, Lang::Zh) => format!(
            "{}最近在客户那里走动频繁，你不知道找的是谁。",
            rival(c, k, l)
        ),
    })
}

pub fn rival_cuts_price(c: &Compiled, k: Ix) -> Text {
    both(|l| match l {
        Lang::En => format!("Word is that {} has cut its price.", rival(c, k, l)),
        Lang::Zh => format!("有消息说{}降价了。", rival(c, k, l)),
    })
}

pub fn rival_expert(c: &Compiled, k: Ix, who: Option<Ix>) -> Text {
    both(|l| match (who, l) {
        (Some(p), Lang::En) => format!(
            "{} brought its own expert to the technical team; {} was impressed.",
            rival(c, k, l),
            name(c, p, l)
        ),
        (Some(p), Lang::Zh) => format!(
            "{}请来自己的专家给技术组讲了一堂，{}很受触动。",
            rival(c, k, l),
            name(c, p, l)
        ),
        (None, Lang::En) => format!(
            "{} brought its own expert to the technical team.",
            rival(c, k, l)
        ),
        (None, Lang::Zh) => format!("{}请来自己的专家给技术组讲了一堂。", rival(c, k, l)),
    })
}

pub fn rival_expert_blunted(c: &Compiled, k: Ix) -> Text {
    both(|l| match l {
        Lang::En => format!(
            "{} brought its own expert; after the one you brought, the engineers were not impressed.",
            rival(c, k, l)
        ),
        Lang::Zh => format!(
            "{}也请来了专家；有你带来的那位在前，工程师们并不买账。",
            rival(c, k, l)
        ),
    })
}

pub fn rival_pushes_date(c: &Compiled, k: Ix, week: u32) -> Text {
    both(|l| match l {
        Lang::En => format!(
            "The customer has moved the decision forward to week {week}; {} is said to have asked for it.",
            rival(c, k, l)
        ),
        Lang::Zh => format!(
            "客户把决策提前到了第{week}周；据说是{}提议的。",
            rival(c, k, l)
        ),
    })
}

pub fn rival_doubt(c: &Compiled, k: Ix, who: Option<Ix>) -> Text {
    both(|l| match (who, l) {
        (Some(p), Lang::En) => format!(
            "Your insider warns you: {} has been telling {} that you are too small to deliver.",
            rival(c, k, l),
            name(c, p, l)
        ),
        (Some(p), Lang::Zh) => format!(
            "内线提醒你：{}在{}面前说你们规模太小、做不下来。",
            rival(c, k, l),
            name(c, p, l)
        ),
        (None, Lang::En) => {
            "Doubts about your company are going round at the customer.".to_string()
        }
        (None, Lang::Zh) => "客户那边开始流传对你们公司的疑虑。".to_string(),
    })
}

/// Why the customer decided as he did, most telling first.
pub fn decision(c: &Compiled, s: &State, e: &Evaluation, winner: Bidder) -> Vec<Text> {
    let mut out = Vec::new();
    let pct = |x: f64| (x * 100.0).round() as i64;
    let us = e.chance_us();
    out.push(both(|l| {
        let who = match winner {
            Bidder::Us => match l {
                Lang::En => "you".to_string(),
                Lang::Zh => "你".to_string(),
            },
            Bidder::Rival(k) => rival(c, k, l),
            Bidder::Nobody => match l {
                Lang::En => "nobody (the project was shelved)".to_string(),
                Lang::Zh => "谁也没选（项目搁置）".to_string(),
            },
        };
        match l {
            Lang::En => format!(
                "The customer chose {who}. Your chance of winning outright was {}%.",
                pct(us)
            ),
            Lang::Zh => format!("客户选择了{who}。你独立中标的机会是 {}%。", pct(us)),
        }
    }));
    if !e.met_decision_maker {
        out.push(notes_line(
            "You never met the decision maker: whatever the people below thought, the decision was made where you were never heard.",
            "你始终没见到拍板人：不管下面的人怎么看，决定是在你从未发声的地方做出的。",
        ));
    }
    let truth = c.truth_of(s.variant);
    for p in 0..s.people.len() {
        if truth.role[p].decides() && s.people[p].attitude <= Attitude::NonSupporter {
            let who = p as Ix;
            out.push(both(|l| match l {
                Lang::En => format!(
                    "{} decides, and he was against you: the top can undo everything below in one sentence.",
                    name(c, who, l)
                ),
                Lang::Zh => format!("{}是拍板人，而他不支持你：高层一句话就能推翻下面所有的工作。", name(c, who, l)),
            }));
        }
    }
    if e.intensity == 0.0 {
        let names = crate::engine::intensity::Intensity::NAMES;
        let zero: Vec<usize> = s
            .intensity
            .as_array()
            .iter()
            .enumerate()
            .filter(|(_, v)| **v == 0)
            .map(|(i, _)| i)
            .collect();
        out.push(both(|l| {
            let list = zero
                .iter()
                .map(|&i| match l {
                    Lang::En => names[i].0,
                    Lang::Zh => names[i].1,
                })
                .collect::<Vec<_>>()
                .join(", ");
            match l {
                Lang::En => format!("5K intensity was zero ({list} at 0): problem × power × vision × value × control, and a zero anywhere means no deal."),
                Lang::Zh => format!("销售强度为零（{list}为 0）：问题×权力×愿景×价值×控制，任何一项为零就成不了交。"),
            }
        }));
    } else if e.intensity < 0.6 {
        out.push(notes_line(
            "Your 5K intensity was weak: the customer had not admitted enough pain, agreed a vision or verified value with you.",
            "销售强度偏弱：客户承认的痛苦、认同的愿景、确认的价值都还不够。",
        ));
    }
    if e.issue_fit == Some(false) {
        out.push(notes_line(
            "Your proposal did not answer the real burning issue, so it was one more offer on price and brand.",
            "你的方案没有回应真正的燃眉之急，于是只是又一份比价格、比品牌的方案。",
        ));
    }
    if e.insider < 0.5 {
        out.push(notes_line(
            "Nobody inside with real influence was working for you.",
            "客户内部没有一个有真正影响力的人在为你使劲。",
        ));
    }
    // The heaviest voices, for and against.
    let mut voices: Vec<_> = e.people.iter().collect();
    voices.sort_by_key(|v| std::cmp::Reverse(v.weight));
    for v in voices.into_iter().take(4) {
        let Some(p) = c.stakeholders.get(&v.person) else {
            continue;
        };
        out.push(both(|l| {
            let att = v.attitude.name();
            let backs = v
                .backs
                .as_deref()
                .and_then(|k| c.competitors.get(k))
                .map(|k| rival(c, k, l));
            match (l, backs) {
                (Lang::En, Some(b)) => format!(
                    "{} (weight {}) backed {b}; {}% of his voice was yours.",
                    name(c, p, l),
                    v.weight,
                    pct(v.for_us)
                ),
                (Lang::Zh, Some(b)) => format!(
                    "{}（权重 {}）站在{b}一边；他的声音只有 {}% 给了你。",
                    name(c, p, l),
                    v.weight,
                    pct(v.for_us)
                ),
                (Lang::En, None) => format!(
                    "{} (weight {}) was a {} of yours; {}% of his voice was yours.",
                    name(c, p, l),
                    v.weight,
                    att.get(l),
                    pct(v.for_us)
                ),
                (Lang::Zh, None) => format!(
                    "{}（权重 {}）对你的态度：{}；他的声音有 {}% 给了你。",
                    name(c, p, l),
                    v.weight,
                    att.get(l),
                    pct(v.for_us)
                ),
            }
        }));
    }
    out
}

fn notes_line(en: &str, zh: &str) -> Text {
    Text::new(en, zh)
}
