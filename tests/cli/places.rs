//! Places: townships of one name imported apart, the note for a name the
//! text does not settle, `baogao places`, and ids from before the county
//! joined them.

use super::*;

fn write_raw(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(
        &path,
        format!(
            "城关镇2021年工作总结\n{body}\n一、工作回顾\n（一）经济平稳发展。全年完成各项目标任务。\n"
        ),
    )
    .unwrap();
    path
}

#[test]
fn two_townships_of_one_name_import_apart_and_an_unsettled_one_says_so() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    let wuhe = write_raw(
        tmp.path(),
        "a.txt",
        "在五河县委、县政府的正确领导下，全镇取得新成绩。",
    );
    let qingshuihe = write_raw(
        tmp.path(),
        "b.txt",
        "在清水河县委的正确领导下，全镇取得新成绩。",
    );
    let nowhere = write_raw(tmp.path(), "c.txt", "今年以来，全镇上下团结一心。");
    let mut args = vec![
        OsStr::new("import").to_owned(),
        OsStr::new("--out").to_owned(),
        out.clone().into_os_string(),
    ];
    args.extend([wuhe, qingshuihe, nowhere].map(PathBuf::into_os_string));
    let output = baogao(tmp.path(), &args);
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    let note = "城关镇: 88 units of this name, none named in the text";
    assert_eq!(
        stderr(&output).matches(note).count(),
        1,
        "{}",
        stderr(&output)
    );
    assert_eq!(
        json_files(&out),
        [
            "chengguan-2021-work-summary.json",
            "qingshuihe-chengguan-2021-work-summary.json",
            "wuhe-chengguan-2021-work-summary.json",
        ]
    );

    let output = baogao(
        tmp.path(),
        [OsStr::new("list"), out.as_os_str(), OsStr::new("--json")],
    );
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    let listed: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let mut counties: Vec<Value> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["county"].clone())
        .collect();
    counties.sort_by_key(Value::to_string);
    assert_eq!(
        counties,
        [
            Value::String("五河县".into()),
            Value::String("清水河县".into()),
            Value::Null
        ]
    );
    let wuhe = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["county"] == "五河县")
        .unwrap();
    assert_eq!(wuhe["city"], "蚌埠市");
    assert_eq!(wuhe["province"], "安徽省");
    assert_eq!(wuhe["code"], "340322100");

    // `places` keeps them apart, and counts the unsettled one as not placed.
    let output = baogao(
        tmp.path(),
        [OsStr::new("places"), OsStr::new("--dir"), out.as_os_str()],
    );
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "安徽省  1",
        "    五河县  1",
        "内蒙古自治区  1",
        "    清水河县  1",
        "unplaced  1",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} in\n{text}");
    }
}

#[test]
fn places_counts_the_bundled_reports_and_a_countys_townships_without_one() {
    let tmp = TempDir::new().unwrap();
    let output = baogao(tmp.path(), ["places"]);
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "浙江省  4",
        "  温州市  2",
        "    平阳县  1",
        "      南麂镇  1",
        "unplaced  1",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} in\n{text}");
    }

    let output = baogao(tmp.path(), ["places", "pingyang", "--json"]);
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    let nodes: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let county = nodes
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["name"] == "平阳县")
        .expect("平阳县 among the units read pingyang");
    assert_eq!(county["path"], serde_json::json!(["浙江省", "温州市"]));
    assert_eq!(county["reports"], 1);
    let without = county["without_reports"].as_array().unwrap();
    assert!(without.iter().any(|t| t == "昆阳镇"));
    assert!(!without.iter().any(|t| t == "南麂镇"));

    let output = baogao(tmp.path(), ["places", "不是地名"]);
    assert_eq!(code(&output), 1);
    assert!(stderr(&output).contains("no province, city, county or township"));
}

#[test]
fn show_takes_an_id_from_before_the_county_joined_it() {
    let tmp = TempDir::new().unwrap();
    let output = baogao(tmp.path(), ["show", "nanji-2020-work-summary"]);
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("id:        pingyang-nanji-2020-work-summary"),
        "{text}"
    );
    assert!(text.contains("county:    平阳县"), "{text}");
    assert!(text.contains("code:      330326119"), "{text}");
}
