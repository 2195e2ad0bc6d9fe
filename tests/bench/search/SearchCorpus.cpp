#include "SearchCorpus.h"

namespace {

const QStringList EnglishWords = QStringLiteral(
    "the the the the a a a to to to and and of of is is it it in in for for on on that that this this we we you "
    "you i i be be are are was have have can can will will with with not not just just do do so so at at but "
    "but if if deploy deployment deployed build builds release review reviewed merge merged branch test tests "
    "failing flaky green meeting standup sync agenda notes lunch coffee today tomorrow yesterday friday monday "
    "weekend customer ticket bug issue fix fixed patch hotfix server database query index cache latency "
    "timeout retry rollback config staging production dashboard metrics alert pager oncall incident "
    "postmortem design spec proposal budget invoice roadmap quarter planning sprint backlog estimate "
    "thanks thank please sorry great good nice cool okay sure yes no maybe looks works broken weird "
    "employee onboarding laptop vpn password access token login logout signup kubernetes docker nginx "
    "postgres redis kafka terraform ansible grafana prometheus jenkins github gitlab pull request")
                                     .split(QLatin1Char(' '));
const QStringList Tokens = QStringLiteral(
    "v1.2.3 10.0.3.1 #4521 PR-8812 JIRA-311 https://ci.example.org/job/77 main.cpp foo_bar() 0xdeadbeef "
    "--force -j2 api/v2/users 503 404 99.9% 2026-03-14 12:30 ~/.config C:\\temp")
                               .split(QLatin1Char(' '));
const QStringList Names
    = QStringLiteral("Zoë Søren José Ángela Björn François Müller Renée Chloé Łukasz").split(QLatin1Char(' '));
const QStringList ChineseWords = QStringLiteral(
    "我们 今天 明天 会议 北京 上海 项目 上线 测试 问题 修复 服务器 数据库 客户 需求 发布 版本 代码 审查 "
    "周五 下午 晚上 吃饭 谢谢 好的 没问题 已经 还是 可以 需要 看看 一下 这个 那个 部署 回滚 监控 报警 "
    "文档 设计 方案 预算 季度 计划")
                                     .split(QLatin1Char(' '));
const QStringList ChineseGlue = QStringLiteral("的 了 在 是 和 也 就 都 吗 吧 呢 把 给").split(QLatin1Char(' '));
const QStringList JapaneseWords = QStringLiteral(
    "会議 明日 今日 東京 大阪 ラーメン 寿司 デプロイ リリース テスト サーバー データベース お客様 確認 "
    "修正 対応 資料 予定 金曜日 ランチ お疲れ様です よろしく お願いします 了解 すみません 問題 障害 "
    "本番 検証 環境 レビュー")
                                      .split(QLatin1Char(' '));
const QStringList JapaneseGlue
    = QStringLiteral("は が を に で と の も から まで です ます でした").split(QLatin1Char(' '));
const QStringList KoreanWords
    = QStringLiteral("내일 오늘 회의 서울 부산 배포 테스트 서버 데이터베이스 고객 확인 수정 문서 일정 금요일 점심 "
                     "감사합니다 수고하셨습니다 문제 장애 운영 검토 릴리스 프로젝트 예산 계획")
          .split(QLatin1Char(' '));
const QStringList KoreanEndings
    = QStringLiteral("을 를 이 가 은 는 에서 으로 하고 해요 했어요 있어요 할게요").split(QLatin1Char(' '));
const QStringList EuropeanWords
    = QStringLiteral("Grüße Besprechung morgen Straße Übersicht Änderung prüfen fertig réunion demain café déployé été "
                     "très déjà problème réglé équipe crème brûlée naïve façade")
          .split(QLatin1Char(' '));
const QStringList Emoji = QStringLiteral("🚀 👍 🎉 ✅ ❌ 🔥 😂 🙏 👀 ☕ 🍜 🐛").split(QLatin1Char(' '));

} // namespace

QStringList SearchCorpus::rareWords()
{
    return { QStringLiteral("zebracorn"), QStringLiteral("quixotic-flange"), QStringLiteral("麒麟児"),
        QStringLiteral("ヤマタノオロチ") };
}

QString SearchCorpus::nextBody()
{
    ++m_count;
    const QStringList rare = rareWords();
    for (int i = 0; i < rare.size(); ++i) {
        if (m_count % RareEvery == RareEvery / (i + 2))
            return english() + QLatin1Char(' ') + rare.at(i) + QLatin1Char(' ') + english();
    }
    const quint32 language = m_random.bounded(100u);
    QString body = language < 70 ? english()
        : language < 82          ? chinese()
        : language < 90          ? japanese()
        : language < 96          ? korean()
                                 : european();
    if (m_random.bounded(10u) == 0)
        body += QLatin1Char(' ') + pick(Emoji);
    return body;
}

QString SearchCorpus::english()
{
    const int words = 4 + int(m_random.bounded(14u));
    QStringList out;
    for (int i = 0; i < words; ++i) {
        const quint32 kind = m_random.bounded(40u);
        out.append(kind == 0 ? pick(Tokens) : kind == 1 ? pick(Names) : pick(EnglishWords));
    }
    QString text = out.join(QLatin1Char(' '));
    text[0] = text.at(0).toUpper();
    return text + (m_random.bounded(3u) == 0 ? QStringLiteral("?") : QString());
}

QString SearchCorpus::chinese()
{
    QString text;
    const int words = 3 + int(m_random.bounded(8u));
    for (int i = 0; i < words; ++i)
        text += pick(ChineseWords) + (m_random.bounded(2u) ? pick(ChineseGlue) : QString());
    return text + QStringLiteral("。");
}

QString SearchCorpus::japanese()
{
    QString text;
    const int words = 3 + int(m_random.bounded(6u));
    for (int i = 0; i < words; ++i)
        text += pick(JapaneseWords) + pick(JapaneseGlue);
    return text + QStringLiteral("。");
}

QString SearchCorpus::korean()
{
    QStringList out;
    const int words = 3 + int(m_random.bounded(6u));
    for (int i = 0; i < words; ++i)
        out.append(pick(KoreanWords) + pick(KoreanEndings));
    return out.join(QLatin1Char(' ')) + QLatin1Char('.');
}

QString SearchCorpus::european()
{
    QStringList out;
    const int words = 4 + int(m_random.bounded(8u));
    for (int i = 0; i < words; ++i)
        out.append(m_random.bounded(2u) ? pick(EuropeanWords) : pick(EnglishWords));
    return out.join(QLatin1Char(' '));
}
