<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionsEditor</name>
    <message>
        <source>What will be done</source>
        <translation>要做什么</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>谁负责</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Remove this action</source>
        <translation>删除此行动</translation>
    </message>
    <message>
        <source>+1 mo</source>
        <translation>+1个月</translation>
    </message>
    <message>
        <source>+3 mo</source>
        <translation>+3个月</translation>
    </message>
    <message>
        <source>+1 yr</source>
        <translation>+1年</translation>
    </message>
    <message>
        <source>Revisit %1 after the review</source>
        <translation>复盘%1复查</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Revisit on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <source>No follow-up actions yet.</source>
        <translation>暂无后续行动。</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>添加行动</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>One list for every project. Give each issue and extra ask a category: the same category at several clients shows a recurring problem or a product gap. Archiving hides a category from new records; the records already linked keep it.</source>
        <translation>所有项目共用一份类别清单。为每个问题和额外需求指定类别：同一类别出现在多家客户处，说明存在重复出现的问题或产品缺口。归档后，新记录不能再选该类别；已关联的记录保留原类别。</translation>
    </message>
</context>
<context>
    <name>CategoryCombo</name>
    <message>
        <source>None: type to find a category</source>
        <translation>无：输入文字查找类别</translation>
    </message>
    <message>
        <source>Pick a category from the list (or leave it empty).</source>
        <translation>请从列表中选择一个类别（或留空）。</translation>
    </message>
</context>
<context>
    <name>CategoryEditor</name>
    <message>
        <source>New category</source>
        <translation>新建类别</translation>
    </message>
    <message>
        <source>Rename category</source>
        <translation>重命名类别</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>e.g. Label printing</source>
        <translation>例如 Label printing</translation>
    </message>
    <message>
        <source>e.g. 标签打印</source>
        <translation>例如 标签打印</translation>
    </message>
</context>
<context>
    <name>CategoryModel</name>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用情况</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>（已归档）</translation>
    </message>
    <message>
        <source>Issues: %1 · Extra asks: %2</source>
        <translation>问题：%1 · 额外需求：%2</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>New issue</source>
        <translation>新建问题</translation>
    </message>
    <message>
        <source>Edit issue</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>解决日期</translation>
    </message>
    <message>
        <source>Symptoms</source>
        <translation>现象</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决办法</translation>
    </message>
    <message>
        <source>Nothing links to this issue yet.</source>
        <translation>尚无记录关联到此问题。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Linked records</source>
        <translation>关联记录</translation>
    </message>
    <message>
        <source>Log entries about this issue, and change requests that arose from it (set there).</source>
        <translation>关于此问题的沟通记录，以及由此问题引出的变更请求（在变更请求中设置）。</translation>
    </message>
    <message>
        <source>%1 [archived]</source>
        <translation>%1 [已归档]</translation>
    </message>
    <message>
        <source>Log %1: %2</source>
        <translation>沟通记录 %1:%2</translation>
    </message>
</context>
<context>
    <name>IssueModel</name>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决日期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>A recurring problem: this category was met at several clients</source>
        <translation>重复出现的问题：多家客户都遇到过这一类别</translation>
    </message>
</context>
<context>
    <name>IssuesPage</name>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>No issues recorded. Give each problem a category: the same category at several clients shows a recurring problem.</source>
        <translation>尚未记录问题。为每个问题指定类别：同一类别出现在多家客户，就说明是重复出现的问题。</translation>
    </message>
    <message>
        <source>Butterfly reviews</source>
        <translation>蝴蝶检查法复盘</translation>
    </message>
    <message>
        <source>No reviews yet. After the project or a major incident, look at both sides over the short, mid and long term.</source>
        <translation>还没有复盘。项目结束或重大事件之后，从客户端和公司端分别看短期、中期、长期。</translation>
    </message>
    <message>
        <source>the review of %1</source>
        <translation>%1 的复盘</translation>
    </message>
    <message>
        <source>Issues &amp;&amp; reviews</source>
        <translation>问题与复盘</translation>
    </message>
</context>
<context>
    <name>OccurrenceModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>OccurrencesDialog</name>
    <message>
        <source>Occurrences: %1</source>
        <translation>出现记录：%1</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the record.</source>
        <translation>双击或按回车键打开记录。</translation>
    </message>
</context>
<context>
    <name>RecurrenceModel</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Occurrences in the first half of the period → in the second half</source>
        <translation>期间前半段的出现次数 → 后半段的出现次数</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>另 %1 个</translation>
    </message>
    <message>
        <source>Rising</source>
        <translation>上升</translation>
    </message>
    <message>
        <source>Steady</source>
        <translation>平稳</translation>
    </message>
    <message>
        <source>Falling</source>
        <translation>下降</translation>
    </message>
    <message>
        <source>%1: %2 before %3, %4 from then on</source>
        <translation>%1:%3 之前 %2 次，之后 %4 次</translation>
    </message>
    <message>
        <source>Double-click to see each occurrence</source>
        <translation>双击查看每一次出现</translation>
    </message>
</context>
<context>
    <name>RecurringPage</name>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Extra asks (change requests)</source>
        <translation>额外需求（变更请求）</translation>
    </message>
    <message>
        <source> clients</source>
        <translation> 家客户</translation>
    </message>
    <message>
        <source>List a category when it was met at this many different clients</source>
        <translation>某类别出现在这么多家不同客户处时列出</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export issue register CSV…</source>
        <translation>导出问题登记表 CSV…</translation>
    </message>
    <message>
        <source>Across the team (every client; counts from the team server)</source>
        <translation>全团队（所有客户；数量来自团队服务器）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Recurring problems</source>
        <translation>重复出现的问题</translation>
    </message>
    <message>
        <source>Categories met at several different clients in the period. A problem that recurs across clients is one the company should fix once; repeated extra asks show a gap in the product or the offer. Double-click a row to see each occurrence.</source>
        <translation>期间内在多家不同客户处出现的类别。跨客户重复出现的问题应由公司统一解决；反复出现的额外需求说明产品或方案存在缺口。双击一行查看每一次出现。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Seen at</source>
        <translation>出现在</translation>
    </message>
    <message>
        <source>or more</source>
        <translation>或以上</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Recurring categories: %1</source>
        <translation>重复出现的类别：%1</translation>
    </message>
    <message>
        <source>No category was met at %1 or more different clients in this period.</source>
        <translation>本期间内没有类别出现在 %1 家或以上不同客户处。</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>New butterfly review</source>
        <translation>新建蝴蝶检查法复盘</translation>
    </message>
    <message>
        <source>Edit butterfly review</source>
        <translation>编辑蝴蝶检查法复盘</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>复盘日期</translation>
    </message>
    <message>
        <source>About issue</source>
        <translation>针对的问题</translation>
    </message>
    <message>
        <source>The whole project</source>
        <translation>整个项目</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>e.g. Line 3 labels unreadable, week 9</source>
        <translation>例如：第9周三号线标签无法识读</translation>
    </message>
    <message>
        <source>Butterfly review: both sides, three horizons</source>
        <translation>蝴蝶检查法复盘：两个方面，三个时间维度</translation>
    </message>
    <message>
        <source>Complete the follow-up actions marked below.</source>
        <translation>请补全下方标出的后续行动。</translation>
    </message>
    <message>
        <source>Other clients in the report</source>
        <translation>报告中的其他客户</translation>
    </message>
    <message>
        <source>The report lists where the same problem was met at other clients. Name those clients, or print them as Client A, Client B…?</source>
        <translation>报告会列出在其他客户处遇到的同类问题。是写出这些客户的名称，还是以客户 A、客户 B… 代替？</translation>
    </message>
    <message>
        <source>Name them</source>
        <translation>写出名称</translation>
    </message>
    <message>
        <source>Client A, B…</source>
        <translation>客户 A、B…</translation>
    </message>
    <message>
        <source>Export review report…</source>
        <translation>导出复盘报告…</translation>
    </message>
    <message>
        <source>The review as an internal PDF: both sides, lessons, follow-up actions</source>
        <translation>将复盘导出为内部 PDF：两个方面、经验教训、后续行动</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Held on</source>
        <translation>复盘日期</translation>
    </message>
    <message>
        <source>About</source>
        <translation>针对</translation>
    </message>
    <message>
        <source>Client side, short term</source>
        <translation>客户端·短期</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>经验教训</translation>
    </message>
    <message>
        <source>The whole project</source>
        <translation>整个项目</translation>
    </message>
</context>
<context>
    <name>SimilarIssueModel</name>
    <message>
        <source>Similar issue</source>
        <translation>类似问题</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>解决办法：%1</translation>
    </message>
    <message>
        <source>Not resolved yet</source>
        <translation>尚未解决</translation>
    </message>
    <message>
        <source>Resolved on %1</source>
        <translation>已于 %1 解决</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <source>Reported %1</source>
        <translation>报告于 %1</translation>
    </message>
</context>
<context>
    <name>SimilarIssuesPanel</name>
    <message>
        <source>Similar issues at other clients</source>
        <translation>其他客户处的类似问题</translation>
    </message>
    <message>
        <source>Looking for similar issues…</source>
        <translation>正在查找类似问题…</translation>
    </message>
    <message>
        <source>Met before at other clients; double-click one to open it.</source>
        <translation>其他客户处曾出现过；双击可打开。</translation>
    </message>
    <message>
        <source>No similar issue at other clients.</source>
        <translation>其他客户处没有类似问题。</translation>
    </message>
    <message>
        <source>Type a title or choose a category to see similar issues.</source>
        <translation>输入标题或选择类别，即可查看类似问题。</translation>
    </message>
</context>
</TS>
