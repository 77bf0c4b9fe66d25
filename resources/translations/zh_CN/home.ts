<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttentionModel</name>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>%1 (showing %2 of %3)</source>
        <translation>%1（显示 %3 项中的 %2 项）</translation>
    </message>
    <message>
        <source>Overdue milestones</source>
        <translation>已逾期的里程碑</translation>
    </message>
    <message>
        <source>Milestones at risk</source>
        <translation>有延误风险的里程碑</translation>
    </message>
    <message>
        <source>Change requests awaiting your decision</source>
        <translation>待您决定的变更请求</translation>
    </message>
    <message>
        <source>Change requests awaiting manager approval</source>
        <translation>待上级审批的变更请求</translation>
    </message>
    <message>
        <source>Letters issued but not signed</source>
        <translation>已签发但尚未签署的函件</translation>
    </message>
    <message>
        <source>Letters the client refused to sign</source>
        <translation>客户拒绝签署的函件</translation>
    </message>
    <message>
        <source>Expectation letters out of date</source>
        <translation>期望确认函已过期</translation>
    </message>
    <message>
        <source>Progress summaries due</source>
        <translation>到期的进度报告</translation>
    </message>
    <message>
        <source>Open commitments due</source>
        <translation>到期的未完成承诺事项</translation>
    </message>
    <message>
        <source>To confirm in writing</source>
        <translation>待书面确认</translation>
    </message>
    <message>
        <source>Deferred B-items now due</source>
        <translation>延后处理的 B 类事项现在到期</translation>
    </message>
    <message>
        <source>Work done without a decision</source>
        <translation>未经决定已实施的工作</translation>
    </message>
    <message>
        <source>Goodwill or scope creep near the limit</source>
        <translation>友情支持或范围蔓延接近上限</translation>
    </message>
    <message>
        <source>Review follow-ups due</source>
        <translation>到期的复盘后续行动</translation>
    </message>
    <message>
        <source>Handover reports that cannot be issued yet</source>
        <translation>暂不能签发的交接报告</translation>
    </message>
    <message>
        <source>Authority limits set by the person themselves</source>
        <translation>本人自行设定的授权额度</translation>
    </message>
    <message>
        <source>Progress summary</source>
        <translation>进度报告</translation>
    </message>
    <message>
        <source>Expectation letter %1 out of date</source>
        <translation>期望确认函 %1 已过期</translation>
    </message>
    <message>
        <source>%1 set their own limits: %2</source>
        <translation>%1 自行设定了授权额度：%2</translation>
    </message>
    <message>
        <source>Goodwill %1 %</source>
        <translation>友情支持 %1 %</translation>
    </message>
    <message>
        <source>Scope creep %1 %</source>
        <translation>范围蔓延 %1 %</translation>
    </message>
    <message>
        <source>used up: agree further requests as billable or decline them</source>
        <translation>已用完：后续请求请按收费处理或婉拒</translation>
    </message>
    <message>
        <source>nearly used up: weigh each new request against it</source>
        <translation>即将用完：每个新请求都要对照权衡</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n working day(s)</source>
        <translation>
            <numerusform>已逾期 %n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>revisit was due %n day(s) ago</source>
        <translation>
            <numerusform>复查日期已过 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>revisit today: look again and record the outcome</source>
        <translation>今天复查：重新检查并记录结果</translation>
    </message>
    <message numerus="yes">
        <source>slip %n working day(s)</source>
        <translation>
            <numerusform>延误 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting on the client</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>verbal: no email or letter linked yet</source>
        <translation>口头承诺：尚未关联邮件或函件</translation>
    </message>
    <message numerus="yes">
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
    </message>
    <message>
        <source>asked today, waiting for your decision</source>
        <translation>今日提出，等待您决定</translation>
    </message>
    <message numerus="yes">
        <source>waiting %n day(s) for your decision</source>
        <translation>
            <numerusform>已等待您决定 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>expectations changed: re-issue it and get it signed again</source>
        <translation>期望已修改：请重新签发并再次取得签署</translation>
    </message>
    <message>
        <source>main milestone accepted: raise it with the client now</source>
        <translation>主要里程碑已验收：现在与客户沟通</translation>
    </message>
    <message numerus="yes">
        <source>no decision yet; log entries against it: %n</source>
        <translation>
            <numerusform>尚未决定；相关沟通记录：%n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>above your authority, held today</source>
        <translation>超出授权额度，今日提交审批</translation>
    </message>
    <message numerus="yes">
        <source>above your authority, waiting %n day(s)</source>
        <translation>
            <numerusform>超出授权额度，已等待 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>refused: talk to the client</source>
        <translation>已拒签：请与客户沟通</translation>
    </message>
    <message>
        <source>the handover report cannot be issued until this is settled</source>
        <translation>解决此项之前不能签发交接报告</translation>
    </message>
    <message>
        <source>a manager should confirm them (Settings ▸ People)</source>
        <translation>需由上级确认（设置 ▸ 人员）</translation>
    </message>
    <message>
        <source>issued today, not signed</source>
        <translation>今日签发，尚未签署</translation>
    </message>
    <message numerus="yes">
        <source>issued %n day(s) ago, not signed</source>
        <translation>
            <numerusform>签发已 %n 天，尚未签署</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Nothing needs your attention today.</source>
        <translation>今天没有需要您处理的事项。</translation>
    </message>
    <message>
        <source>Welcome to DeliveryDesk</source>
        <translation>欢迎使用 DeliveryDesk</translation>
    </message>
    <message>
        <source>There is no project yet. Start with your first project (client, contract, milestones), import a project a colleague exported, or look around in the demo projects first.</source>
        <translation>还没有项目。可以新建第一个项目（客户、合同、里程碑），导入同事导出的项目，或先在演示项目中看看。</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Create your first project (Ctrl+N)</source>
        <translation>新建第一个项目（Ctrl+N）</translation>
    </message>
    <message>
        <source>Import a project bundle…</source>
        <translation>导入项目包…</translation>
    </message>
    <message>
        <source>A project file exported with DeliveryDesk (.json)</source>
        <translation>由 DeliveryDesk 导出的项目文件（.json）</translation>
    </message>
    <message>
        <source>Open the demo projects</source>
        <translation>打开演示项目</translation>
    </message>
    <message>
        <source>Add sample projects to this database; archive them when done</source>
        <translation>在本数据库中加入示例项目；看完后可归档</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
</context>
<context>
    <name>TeamNews</name>
    <message>
        <source>From the team</source>
        <translation>来自团队</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Approval inbox…</source>
        <translation>审批收件箱…</translation>
    </message>
    <message>
        <source>No decision waits for your approval.</source>
        <translation>没有等待您审批的决定。</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) wait for your approval:</source>
        <translation>
            <numerusform>有 %n 个决定等待您审批：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 “%3”: %4 h, decided by %5</source>
        <translation>%1 %2“%3”：%4 小时，决定人 %5</translation>
    </message>
    <message numerus="yes">
        <source>and %n more in the approval inbox</source>
        <translation>
            <numerusform>审批收件箱中还有 %n 个</numerusform>
        </translation>
    </message>
</context>
</TS>
