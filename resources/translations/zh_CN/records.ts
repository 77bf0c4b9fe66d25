<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttachmentModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
</context>
<context>
    <name>AttachmentPicker</name>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>或将文件拖放到此处</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>No files attached. Add photos or scans, or drop files here.</source>
        <translation>尚无附件。可添加照片或扫描件，或将文件拖放到此处。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Attach photos, scans or other files (or drop them here)</source>
        <translation>附加照片、扫描件或其他文件（也可拖放到此处）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open a copy with the program your computer uses for it</source>
        <translation>用本机关联的程序打开一份副本</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message numerus="yes">
        <source>Attaching %n file(s)…</source>
        <translation>
            <numerusform>正在附加 %n 个文件…</numerusform>
        </translation>
    </message>
    <message>
        <source>Not attached:</source>
        <translation>未能附加：</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>CloseCommitmentDialog</name>
    <message>
        <source>Close commitment</source>
        <translation>关闭承诺事项</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>Met on</source>
        <translation>履行日期</translation>
    </message>
    <message>
        <source>How it was met</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <source>Shown by log entry</source>
        <translation>证明记录</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <source>Record a commitment</source>
        <translation>记录承诺事项</translation>
    </message>
    <message>
        <source>Edit commitment</source>
        <translation>编辑承诺事项</translation>
    </message>
    <message>
        <source>Recorded in</source>
        <translation>记录于</translation>
    </message>
    <message>
        <source>What is owed</source>
        <translation>承诺内容</translation>
    </message>
    <message>
        <source>Owed by</source>
        <translation>承诺方</translation>
    </message>
    <message>
        <source>Who owes it</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Owed to</source>
        <translation>承诺对象</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>Verbal: confirm in writing (email or letter)</source>
        <translation>口头承诺：需书面确认（邮件或函件）</translation>
    </message>
</context>
<context>
    <name>CommitmentModel</name>
    <message>
        <source>Due</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>Owed by</source>
        <translation>承诺方</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>Owed to</source>
        <translation>承诺对象</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Met on %1</source>
        <translation>已于 %1 履行</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>to confirm in writing</source>
        <translation>待书面确认</translation>
    </message>
</context>
<context>
    <name>CommitmentsSection</name>
    <message>
        <source>Close…</source>
        <translation>关闭…</translation>
    </message>
    <message>
        <source>Confirm in writing…</source>
        <translation>书面确认…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Record a commitment…</source>
        <translation>记录承诺事项…</translation>
    </message>
    <message>
        <source>Record who owes what to whom by when, from this entry</source>
        <translation>根据此条记录，登记谁在何时前向谁承诺了什么</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>No commitments yet. Select a log entry and record who owes what to whom by when.</source>
        <translation>尚无承诺事项。选择一条沟通记录，登记谁在何时前向谁承诺了什么。</translation>
    </message>
</context>
<context>
    <name>ConfirmCommitmentDialog</name>
    <message>
        <source>Confirm in writing</source>
        <translation>书面确认</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>Email log entry</source>
        <translation>邮件沟通记录</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Or letter</source>
        <translation>或函件</translation>
    </message>
    <message>
        <source>Log the email first (kind: Email), or issue a letter, then link it here.</source>
        <translation>请先记录该邮件（类型：邮件）或签发函件，再在此关联。</translation>
    </message>
</context>
<context>
    <name>ExclusionDialog</name>
    <message>
        <source>New exclusion</source>
        <translation>新建不包含事项</translation>
    </message>
    <message>
        <source>Edit exclusion</source>
        <translation>编辑不包含事项</translation>
    </message>
    <message>
        <source>Not included</source>
        <translation>不包含的内容</translation>
    </message>
    <message>
        <source>e.g. Integration with the client&apos;s ERP</source>
        <translation>例如：与客户 ERP 的集成</translation>
    </message>
</context>
<context>
    <name>ExclusionModel</name>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Not included in this engagement</source>
        <translation>本项目不包含的事项</translation>
    </message>
</context>
<context>
    <name>ExpectationDialog</name>
    <message>
        <source>New expectation</source>
        <translation>新建期望</translation>
    </message>
    <message>
        <source>Edit expectation</source>
        <translation>编辑期望</translation>
    </message>
    <message>
        <source>e.g. Work orders are reported by scanning</source>
        <translation>例如：工单通过扫码报工</translation>
    </message>
    <message>
        <source>What the client will see</source>
        <translation>客户将看到的结果</translation>
    </message>
    <message>
        <source>e.g. 5 working days without paper reports</source>
        <translation>例如：连续 5 个工作日不再使用纸质报表</translation>
    </message>
    <message>
        <source>How we will know</source>
        <translation>如何判定达成</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <source>Agreed with</source>
        <translation>约定对象</translation>
    </message>
    <message>
        <source>Not yet agreed</source>
        <translation>尚未约定</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ExpectationModel</name>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>What the client will see</source>
        <translation>客户将看到的结果</translation>
    </message>
    <message>
        <source>How we will know</source>
        <translation>如何判定达成</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Agreed with</source>
        <translation>约定对象</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ExpectationsPage</name>
    <message>
        <source>Agreed expectations</source>
        <translation>已约定的期望</translation>
    </message>
    <message>
        <source>No expectations yet. Write down what the client will see and how you will both know it is done, then get it confirmed in writing.</source>
        <translation>还没有期望。写下客户将看到的结果以及双方如何判定达成，然后请客户书面确认。</translation>
    </message>
    <message>
        <source>Export the record of this expectation as one PDF: log entries, letters, commitments</source>
        <translation>将此期望的记录导出为一个 PDF：沟通记录、函件、承诺事项</translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation>期望</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>New handover entry</source>
        <translation>新建交接条目</translation>
    </message>
    <message>
        <source>Edit handover entry</source>
        <translation>编辑交接条目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Names, one per line</source>
        <translation>姓名，每行一个</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Handed over for another training: ticking it moves it here</source>
        <translation>已归属另一场培训：勾选后将改归本培训</translation>
    </message>
    <message>
        <source>No document handed over yet: add the documents first.</source>
        <translation>尚无移交文档：请先添加文档。</translation>
    </message>
    <message>
        <source>Written material</source>
        <translation>书面资料</translation>
    </message>
    <message>
        <source>For training</source>
        <translation>所属培训</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Scope item</source>
        <translation>范围条目</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>About issue</source>
        <translation>相关问题</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
</context>
<context>
    <name>HandoverModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s)</source>
        <translation>
            <numerusform>%n 名参加人员</numerusform>
        </translation>
    </message>
    <message>
        <source>material: %1</source>
        <translation>资料：%1</translation>
    </message>
    <message>
        <source>no written material</source>
        <translation>无书面资料</translation>
    </message>
    <message>
        <source>owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Nothing recorded for the handover yet. List each document handed over, each training session, the risks the client must know and the open items.</source>
        <translation>交接内容尚未记录。请列出每份移交文档、每次培训、客户须知的风险以及未结事项。</translation>
    </message>
    <message>
        <source>Double-click to open it</source>
        <translation>双击打开</translation>
    </message>
    <message numerus="yes">
        <source>The handover report cannot be issued yet: %n thing(s) stand in the way</source>
        <translation>
            <numerusform>交接报告暂不能签发：有 %n 项待解决</numerusform>
        </translation>
    </message>
    <message>
        <source>Deferred requests — now is the time</source>
        <translation>延后处理的请求——现在正是时候</translation>
    </message>
    <message>
        <source>Deferred requests — waiting until the main goal is met</source>
        <translation>延后处理的请求——等待主要目标达成</translation>
    </message>
    <message>
        <source>Double-click to open the change request</source>
        <translation>双击打开该变更请求</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Changed</source>
        <translation>变更时间</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新日期</translation>
    </message>
    <message>
        <source>Change request</source>
        <translation>变更请求</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线日期</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预计日期</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际日期</translation>
    </message>
</context>
<context>
    <name>LogEntryDialog</name>
    <message>
        <source>New log entry</source>
        <translation>新建沟通记录</translation>
    </message>
    <message>
        <source>Correct log entry</source>
        <translation>更正沟通记录</translation>
    </message>
    <message>
        <source>The original entry stays as it was; this correction is added to the log and points at it.</source>
        <translation>原记录保持不变；这条更正会作为新记录加入，并指向原记录。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人员</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Change request</source>
        <translation>变更请求</translation>
    </message>
    <message>
        <source>Expectation</source>
        <translation>期望</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人员</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Voided: %1</source>
        <translation>已作废：%1</translation>
    </message>
    <message>
        <source>Corrected by a later entry</source>
        <translation>已被后续记录更正</translation>
    </message>
    <message>
        <source>Corrects the entry of %1</source>
        <translation>更正 %1 的记录</translation>
    </message>
    <message>
        <source>Corrects an earlier entry</source>
        <translation>更正一条较早的记录</translation>
    </message>
    <message>
        <source>About: %1</source>
        <translation>关联：%1</translation>
    </message>
    <message>
        <source>Voided on %1: %2</source>
        <translation>%1 作废：%2</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Communication log</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Nothing logged yet. Record every meeting, call and decision: months later the log settles what was agreed.</source>
        <translation>还没有记录。每次会议、电话和决定都记下来：几个月后，记录能说明当时约定了什么。</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Write a correction (Enter or F2); the original stays</source>
        <translation>写一条更正（Enter 或 F2）；原记录保留</translation>
    </message>
    <message>
        <source>This was an extra ask…</source>
        <translation>这是额外需求…</translation>
    </message>
    <message>
        <source>Capture the selected entry as a change request</source>
        <translation>将所选记录登记为变更请求</translation>
    </message>
    <message>
        <source>Evidence pack…</source>
        <translation>证据包…</translation>
    </message>
    <message>
        <source>One PDF of the log over a date range, with letters, commitments and attached files</source>
        <translation>把一段日期内的沟通记录连同函件、承诺和附件生成一份 PDF</translation>
    </message>
    <message>
        <source>Quick add: what happened, Enter logs it now</source>
        <translation>快速添加：发生了什么，按 Enter 立即记录</translation>
    </message>
    <message>
        <source>Type what happened and press Enter: logged now, with the kind on the left</source>
        <translation>输入发生的事并按 Enter：以左侧的类型、当前时间记录</translation>
    </message>
    <message>
        <source>who (optional)</source>
        <translation>参与人（可选）</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>沟通记录</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>New milestone</source>
        <translation>新建里程碑</translation>
    </message>
    <message>
        <source>Edit milestone</source>
        <translation>编辑里程碑</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Baseline date</source>
        <translation>基线日期</translation>
    </message>
    <message>
        <source>Forecast date</source>
        <translation>预计日期</translation>
    </message>
    <message>
        <source>Actual date</source>
        <translation>实际日期</translation>
    </message>
    <message>
        <source>Who acts next</source>
        <translation>下一步由谁推进</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The main goal (deferred B-items wait for it)</source>
        <translation>主要目标（延后处理的 B 类事项等它完成）</translation>
    </message>
    <message>
        <source>Reason for a date change</source>
        <translation>日期变更原因</translation>
    </message>
    <message>
        <source>Needed when a date moves: the client will ask why</source>
        <translation>日期变动时必填：客户会问为什么</translation>
    </message>
    <message>
        <source>Caused by change request</source>
        <translation>由变更请求引起</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Say why the date moves: the client will ask.</source>
        <translation>请说明日期变动的原因：客户会问。</translation>
    </message>
</context>
<context>
    <name>MilestoneModel</name>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线日期</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预计日期</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际日期</translation>
    </message>
    <message>
        <source>Slip (wd)</source>
        <translation>延误</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>推进方</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Slip in working days: forecast (or actual) minus baseline; negative = ahead</source>
        <translation>延误的工作日数：预计（或实际）日期减基线日期；负数表示提前</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) of slip</source>
        <translation>
            <numerusform>延误 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>The main goal: deferred B-items wait for it</source>
        <translation>主要目标：延后处理的 B 类事项等它完成</translation>
    </message>
</context>
<context>
    <name>MilestonesPage</name>
    <message>
        <source>Milestones</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>No milestones yet. Add the contract&apos;s milestones with their baseline dates; moving a date later keeps its history.</source>
        <translation>还没有里程碑。添加合同里程碑及其基线日期；之后调整日期会保留变更历史。</translation>
    </message>
    <message>
        <source>Move date…</source>
        <translation>调整日期…</translation>
    </message>
    <message>
        <source>Move the forecast date, with the reason</source>
        <translation>调整预计日期并说明原因</translation>
    </message>
    <message>
        <source>Date changes</source>
        <translation>日期变更</translation>
    </message>
    <message>
        <source>%1: no date changes, the dates are as first planned.</source>
        <translation>%1：日期没有变更，仍是最初计划。</translation>
    </message>
    <message>
        <source>Select a milestone to see how its dates moved, and why.</source>
        <translation>选择一个里程碑，查看其日期如何变动以及原因。</translation>
    </message>
</context>
<context>
    <name>MoveMilestoneDialog</name>
    <message>
        <source>Move %1</source>
        <translation>调整 %1</translation>
    </message>
    <message>
        <source>Baseline date</source>
        <translation>基线日期</translation>
    </message>
    <message>
        <source>New forecast date</source>
        <translation>新的预计日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The client will ask why</source>
        <translation>客户会问为什么</translation>
    </message>
    <message>
        <source>Caused by change request</source>
        <translation>由变更请求引起</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>ParticipantsField</name>
    <message>
        <source>names, separated by commas</source>
        <translation>姓名，用逗号分隔</translation>
    </message>
    <message>
        <source>Add a contact of the client</source>
        <translation>添加客户的联系人</translation>
    </message>
</context>
<context>
    <name>ScopeItemDialog</name>
    <message>
        <source>New scope item</source>
        <translation>新建范围条目</translation>
    </message>
    <message>
        <source>Edit scope item</source>
        <translation>编辑范围条目</translation>
    </message>
    <message>
        <source>Deliverable</source>
        <translation>交付物</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>How the client accepts it</source>
        <translation>客户如何验收</translation>
    </message>
    <message>
        <source>Acceptance criteria</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>工作量</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ScopeModel</name>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Deliverable</source>
        <translation>交付物</translation>
    </message>
    <message>
        <source>Effort (h)</source>
        <translation>工作量（小时）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Acceptance criteria</source>
        <translation>验收标准</translation>
    </message>
</context>
<context>
    <name>ScopePage</name>
    <message>
        <source>Contracted scope</source>
        <translation>合同范围</translation>
    </message>
    <message>
        <source>No deliverables yet. Add each contracted deliverable with its acceptance criteria: it is what every extra ask is checked against.</source>
        <translation>还没有交付物。逐项添加合同交付物及其验收标准：每一项额外需求都要以此为准核对。</translation>
    </message>
    <message>
        <source>Exclusions</source>
        <translation>不包含事项</translation>
    </message>
    <message>
        <source>No exclusions yet. Writing down what is not included prevents most disputes about scope.</source>
        <translation>还没有不包含事项。写明不包含什么，可以避免大多数范围争议。</translation>
    </message>
    <message>
        <source>Scope &amp;&amp; exclusions</source>
        <translation>范围与不包含事项</translation>
    </message>
</context>
</TS>
