//! What is a figure and what is not, sentence by sentence (the spec's
//! §1 and its worked examples).

// Values here are written exactly as the text writes them.
#![allow(clippy::float_cmp)]

use baogao_figures::{Kind, extract};

fn one(text: &str) -> (String, f64, String, Kind, Option<String>) {
    let figures = extract(text);
    assert_eq!(figures.len(), 1, "{text}: {figures:?}");
    let f = &figures[0];
    (
        f.indicator.clone(),
        f.value,
        f.unit.clone(),
        f.kind,
        f.qualifier.clone(),
    )
}

fn none(text: &str) {
    let figures = extract(text);
    assert!(figures.is_empty(), "{text}: {figures:?}");
}

#[test]
fn levels_counts_shares_and_growths() {
    assert_eq!(
        one("截至目前,完成固定资产投资11892万元。"),
        (
            "固定资产投资".into(),
            11892.0,
            "万元".into(),
            Kind::Level,
            None
        )
    );
    assert_eq!(
        one("全民参保率达99.8%以上;"),
        (
            "全民参保率".into(),
            99.8,
            "%".into(),
            Kind::Share,
            Some("以上".into())
        )
    );
    assert_eq!(
        one("整改卫生死角120余处。"),
        (
            "整改卫生死角".into(),
            120.0,
            "处".into(),
            Kind::Count,
            Some("余".into())
        )
    );
    assert_eq!(
        one("税收收入同比下降2.1%。"),
        ("税收收入".into(), -2.1, "%".into(), Kind::Growth, None)
    );
    assert_eq!(one("参训人员近万人。").1, 1.0);
    assert_eq!(one("清理河道1.2万多吨,").2, "万吨");
    assert_eq!(one("培训农民三千人次,").1, 3000.0);
    assert_eq!(one("服务群众一万余人。").2, "万人");
    assert_eq!(one("实现GDP 12.5亿元。").0, "GDP");
    assert_eq!(one("走访群众近千人。").1, 1000.0);
    assert_eq!(one("城镇登记失业率控制在3%以内。").0, "城镇登记失业率");
}

#[test]
fn growth_takes_the_indicator_before_it() {
    let figures = extract("完成规上工业产值共计4.91亿元,累计增速10.8%;");
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[1].indicator, "规上工业产值");
    assert_eq!(figures[1].kind, Kind::Growth);
}

#[test]
fn a_list_after_fenbie_gives_each_its_name() {
    let figures = extract("事故、火灾分别同比下降50%和71.4%。");
    let names: Vec<&str> = figures.iter().map(|f| f.indicator.as_str()).collect();
    assert_eq!(names, ["事故", "火灾"]);
    assert!(
        figures
            .iter()
            .all(|f| f.kind == Kind::Growth && f.value < 0.0)
    );
}

#[test]
fn fenbie_after_the_figures_names_them_in_order() {
    let figures = extract("接待游客45万人次，实现旅游收入2.1亿元，分别增长15%和18%。");
    let growth: Vec<&str> = figures
        .iter()
        .filter(|f| f.kind == Kind::Growth)
        .map(|f| f.indicator.as_str())
        .collect();
    assert_eq!(growth, ["接待游客", "旅游收入"]);
}

#[test]
fn not_figures() {
    none("我镇已于9月18日高质量完成村级组织换届选举工作。");
    none("已完成二次整改工作,农污(二期)工程已完成。");
    none("每月至少两次入户走访。");
    none("启动南麂岛环境整治三年行动计划。");
    none("不断加深渔旅两大产业融合深度。");
    none("完成一批旅游基础设施建设。");
    none("推动104国道改造提升。");
    none("打造15分钟品质文化圈。");
    none("第一季度平安建设综合考评位于温州第2。");
    none("增强“四个意识”,坚持一村一品。");
    none("贯彻县委九届九次全会精神。");
    none("每2个月组织一次企业代表座谈。");
    none("走访数十家企业。");
    none("打造千亩茶园。");
    none("健全“全科网格员+三支队伍+X”治理体系。");
    none("联系电话0577-63612345,索引号001008003008089/2022-109279。");
}
