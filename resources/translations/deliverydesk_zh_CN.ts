<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutBox</name>
        <message>
            <source>About DeliveryDesk</source>
            <translation>关于 DeliveryDesk</translation>
        </message>
        <message>
            <source>DeliveryDesk %1</source>
            <translation>DeliveryDesk %1</translation>
        </message>
        <message>
            <source>Scope, expectations, change requests and signed records for field engineers.</source>
            <translation>为现场工程师管理范围、期望、变更请求和已签署的记录。</translation>
        </message>
        <message>
            <source>Data folder: %1</source>
            <translation>数据文件夹：%1</translation>
        </message>
        <message>
            <source>Database: %1</source>
            <translation>数据库：%1</translation>
        </message>
        <message>
            <source>Log file: %1</source>
            <translation>日志文件：%1</translation>
        </message>
        <message>
            <source>Proprietary software. Third-party licences (Qt: LGPL-3.0): %1</source>
            <translation>专有软件。第三方许可（Qt：LGPL-3.0）：%1</translation>
        </message>
    </context>
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
        <name>ApproveDialog</name>
        <message>
            <source>Approve or refuse %1</source>
            <translation>审批或退回 %1</translation>
        </message>
        <message>
            <source>The decision held for approval</source>
            <translation>待上级审批的决定</translation>
        </message>
        <message>
            <source>Nothing was proposed: refuse it with a reason, so that it is decided again.</source>
            <translation>未提出拟定结果：请注明理由退回，重新决定。</translation>
        </message>
        <message>
            <source>Proposed outcome</source>
            <translation>拟定结果</translation>
        </message>
        <message>
            <source>Decided by</source>
            <translation>决定人</translation>
        </message>
        <message>
            <source>Rationale</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Impact</source>
            <translation>影响</translation>
        </message>
        <message>
            <source>%1 h</source>
            <translation>%1 小时</translation>
        </message>
        <message numerus="yes">
            <source>%n working day(s)</source>
            <translation>
                <numerusform>%n 个工作日</numerusform>
            </translation>
        </message>
        <message>
            <source>risk: %1</source>
            <translation>风险：%1</translation>
        </message>
        <message>
            <source>Effort, cost, schedule</source>
            <translation>工时、费用、工期</translation>
        </message>
        <message>
            <source>Client's view</source>
            <translation>客户视角分析</translation>
        </message>
        <message>
            <source>Benefit to the client</source>
            <translation>对客户的收益</translation>
        </message>
        <message>
            <source>Cost and effort for the client</source>
            <translation>客户需付出的成本与精力</translation>
        </message>
        <message>
            <source>Risks</source>
            <translation>风险</translation>
        </message>
        <message>
            <source>Alternatives</source>
            <translation>替代方案</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>Your answer</source>
            <translation>审批意见</translation>
        </message>
        <message>
            <source>Choose a manager from Settings ▸ People</source>
            <translation>请从“设置 ▸ 人员”中选择上级</translation>
        </message>
        <message>
            <source>Manager</source>
            <translation>审批上级</translation>
        </message>
        <message>
            <source>On</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Note (the reason, to refuse)</source>
            <translation>意见（退回时必须写明理由）</translation>
        </message>
        <message>
            <source>Move milestones</source>
            <translation>调整里程碑</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <source>Refuse…</source>
            <translation>退回…</translation>
        </message>
        <message>
            <source>No other manager is on the team roster: add one in Settings ▸ People.</source>
            <translation>团队名单中没有其他上级：请在“设置 ▸ 人员”中添加。</translation>
        </message>
    </context>
    <context>
        <name>AskFollowUpDialog</name>
        <message>
            <source>Tell the client</source>
            <translation>告知客户</translation>
        </message>
        <message>
            <source>Check and triage %1</source>
            <translation>范围核对与分级 %1</translation>
        </message>
        <message>
            <source>Ask</source>
            <translation>需求</translation>
        </message>
        <message>
            <source>Scope check</source>
            <translation>范围核对</translation>
        </message>
        <message>
            <source>Check against the selected line</source>
            <translation>按所选条目核对</translation>
        </message>
        <message>
            <source>Triage</source>
            <translation>分级</translation>
        </message>
        <message>
            <source>in scope</source>
            <translation>范围内</translation>
        </message>
        <message>
            <source>excluded</source>
            <translation>不包含事项</translation>
        </message>
        <message>
            <source>None of these: out of scope</source>
            <translation>都不是：范围外</translation>
        </message>
        <message>
            <source>No change request needed: part of %1.</source>
            <translation>无需变更请求：属于 %1。</translation>
        </message>
        <message>
            <source>Not triaged yet: the ask stays pending, with no decision.</source>
            <translation>尚未分级：该请求保持待决定，不预设任何决定。</translation>
        </message>
        <message>
            <source>A blocks the goal: do it now and tell the client in writing; then decide it (billable or goodwill) like any other request.</source>
            <translation>A 阻碍目标：立即处理并书面告知客户；之后像其他请求一样作出决定（计费或友情支持）。</translation>
        </message>
        <message>
            <source>B is small and related: deferred now, back when the main milestone is accepted.</source>
            <translation>B 相关小事：现在延后处理，主要里程碑验收后再处理。</translation>
        </message>
        <message>
            <source>C is large: a separate change request or a quote.</source>
            <translation>C 重大事项：另行立项或单独报价。</translation>
        </message>
    </context>
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
        <name>AuditFields</name>
        <message>
            <source>Acceptance criteria</source>
            <translation>验收标准</translation>
        </message>
        <message>
            <source>Actual date</source>
            <translation>实际日期</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Agreed with</source>
            <translation>约定对象</translation>
        </message>
        <message>
            <source>Alternatives</source>
            <translation>替代方案</translation>
        </message>
        <message>
            <source>Approval note</source>
            <translation>审批说明</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>审批人</translation>
        </message>
        <message>
            <source>Approved on</source>
            <translation>审批日期</translation>
        </message>
        <message>
            <source>Archived on</source>
            <translation>归档时间</translation>
        </message>
        <message>
            <source>Attachment</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Attendees</source>
            <translation>参加人员</translation>
        </message>
        <message>
            <source>Authority limit: cost per change</source>
            <translation>授权额度：每项变更费用</translation>
        </message>
        <message>
            <source>Authority limit: hours per change</source>
            <translation>授权额度：每项变更工时</translation>
        </message>
        <message>
            <source>Baseline date</source>
            <translation>基线日期</translation>
        </message>
        <message>
            <source>May sign</source>
            <translation>可签字</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Change request</source>
            <translation>变更请求</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Benefit to the client</source>
            <translation>对客户的收益</translation>
        </message>
        <message>
            <source>Cost to the client</source>
            <translation>客户的成本</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Client side, long term</source>
            <translation>客户端，长期</translation>
        </message>
        <message>
            <source>Client side, mid term</source>
            <translation>客户端，中期</translation>
        </message>
        <message>
            <source>Client side, short term</source>
            <translation>客户端，短期</translation>
        </message>
        <message>
            <source>Closed by log entry</source>
            <translation>关闭依据记录</translation>
        </message>
        <message>
            <source>How it was met</source>
            <translation>履行方式</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>关闭日期</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Company address</source>
            <translation>公司地址</translation>
        </message>
        <message>
            <source>Company side, long term</source>
            <translation>公司端，长期</translation>
        </message>
        <message>
            <source>Company side, mid term</source>
            <translation>公司端，中期</translation>
        </message>
        <message>
            <source>Company name</source>
            <translation>公司名称</translation>
        </message>
        <message>
            <source>Company side, short term</source>
            <translation>公司端，短期</translation>
        </message>
        <message>
            <source>Confirm in writing</source>
            <translation>需书面确认</translation>
        </message>
        <message>
            <source>Confirmed by letter</source>
            <translation>确认函件</translation>
        </message>
        <message>
            <source>Confirmed by log entry</source>
            <translation>确认记录</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Issued content</source>
            <translation>签发内容</translation>
        </message>
        <message>
            <source>Contract reference</source>
            <translation>合同编号</translation>
        </message>
        <message>
            <source>Contract value</source>
            <translation>合同金额</translation>
        </message>
        <message>
            <source>Contracted effort (hours)</source>
            <translation>合同工时（小时）</translation>
        </message>
        <message>
            <source>Correction of</source>
            <translation>更正对象</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>费用</translation>
        </message>
        <message>
            <source>Cost per change request</source>
            <translation>每项变更请求的费用</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Decided by</source>
            <translation>决定人</translation>
        </message>
        <message>
            <source>Decided on</source>
            <translation>决定日期</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>决定</translation>
        </message>
        <message>
            <source>Default language</source>
            <translation>默认语言</translation>
        </message>
        <message>
            <source>Delivery lead</source>
            <translation>交付负责人</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Done on</source>
            <translation>完成日期</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>到期日期</translation>
        </message>
        <message>
            <source>Effort (hours)</source>
            <translation>工时（小时）</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <source>End date</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <source>Engineer name</source>
            <translation>工程师姓名</translation>
        </message>
        <message>
            <source>Where you sign</source>
            <translation>签署地点</translation>
        </message>
        <message>
            <source>Engineer title</source>
            <translation>工程师职务</translation>
        </message>
        <message>
            <source>Needs manager approval</source>
            <translation>需上级审批</translation>
        </message>
        <message>
            <source>Exclusion</source>
            <translation>不包含事项</translation>
        </message>
        <message>
            <source>Expectation</source>
            <translation>期望</translation>
        </message>
        <message>
            <source>Date changed</source>
            <translation>变更的日期</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>文件名</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>指纹</translation>
        </message>
        <message>
            <source>Follow-up actions</source>
            <translation>后续行动</translation>
        </message>
        <message>
            <source>Forecast date</source>
            <translation>预计日期</translation>
        </message>
        <message>
            <source>Goodwill budget (hours)</source>
            <translation>友情支持额度（小时）</translation>
        </message>
        <message>
            <source>Goodwill per project (hours)</source>
            <translation>每个项目的友情支持（小时）</translation>
        </message>
        <message>
            <source>Held on</source>
            <translation>举行日期</translation>
        </message>
        <message>
            <source>Holiday calendar</source>
            <translation>节假日日历</translation>
        </message>
        <message>
            <source>Hours per change request</source>
            <translation>每项变更请求的工时</translation>
        </message>
        <message>
            <source>Industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Main milestone</source>
            <translation>主里程碑</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Issued at</source>
            <translation>签发时间</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Lessons</source>
            <translation>经验教训</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>函件</translation>
        </message>
        <message>
            <source>Limits set at</source>
            <translation>额度设定时间</translation>
        </message>
        <message>
            <source>Limits set by</source>
            <translation>额度设定人</translation>
        </message>
        <message>
            <source>Log entry</source>
            <translation>沟通记录</translation>
        </message>
        <message>
            <source>Logo</source>
            <translation>标志</translation>
        </message>
        <message>
            <source>Written material left</source>
            <translation>已留书面资料</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>衡量方式</translation>
        </message>
        <message>
            <source>File type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>How it was signed</source>
            <translation>签署方式</translation>
        </message>
        <message>
            <source>Milestone</source>
            <translation>里程碑</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Name (English)</source>
            <translation>名称（英文）</translation>
        </message>
        <message>
            <source>Name (Chinese)</source>
            <translation>名称（中文）</translation>
        </message>
        <message>
            <source>New date</source>
            <translation>新日期</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>When</source>
            <translation>发生时间</translation>
        </message>
        <message>
            <source>Old date</source>
            <translation>原日期</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Owed to</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>Who owes</source>
            <translation>承诺人</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>所属方</translation>
        </message>
        <message>
            <source>Paper size</source>
            <translation>纸张大小</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>参与人员</translation>
        </message>
        <message>
            <source>Signature block</source>
            <translation>签署栏</translation>
        </message>
        <message>
            <source>PDF SHA-256</source>
            <translation>PDF SHA-256</translation>
        </message>
        <message>
            <source>You (team roster)</source>
            <translation>本人（团队名单）</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Proposed decision</source>
            <translation>建议的决定</translation>
        </message>
        <message>
            <source>Rationale</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>Recorded at</source>
            <translation>录入时间</translation>
        </message>
        <message>
            <source>Recorded by</source>
            <translation>录入人</translation>
        </message>
        <message>
            <source>Ref</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Reason for refusing</source>
            <translation>退回理由</translation>
        </message>
        <message>
            <source>Refused by</source>
            <translation>退回人</translation>
        </message>
        <message>
            <source>Refused on</source>
            <translation>退回日期</translation>
        </message>
        <message>
            <source>Reported on</source>
            <translation>报告日期</translation>
        </message>
        <message>
            <source>Requested by (contact)</source>
            <translation>提出人（联系人）</translation>
        </message>
        <message>
            <source>Requested by</source>
            <translation>提出人</translation>
        </message>
        <message>
            <source>Requested on</source>
            <translation>提出日期</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>解决方案</translation>
        </message>
        <message>
            <source>Resolved on</source>
            <translation>解决日期</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>复盘</translation>
        </message>
        <message>
            <source>Revisit on</source>
            <translation>复查日期</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>风险</translation>
        </message>
        <message>
            <source>Risks</source>
            <translation>风险</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Root cause</source>
            <translation>根本原因</translation>
        </message>
        <message>
            <source>Sales owner</source>
            <translation>销售负责人</translation>
        </message>
        <message>
            <source>Schedule impact (days)</source>
            <translation>进度影响（天）</translation>
        </message>
        <message>
            <source>Scope check</source>
            <translation>范围核查</translation>
        </message>
        <message>
            <source>Scope item</source>
            <translation>范围条目</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Confirmed by email entry</source>
            <translation>确认邮件记录</translation>
        </message>
        <message>
            <source>Signing note</source>
            <translation>签署说明</translation>
        </message>
        <message>
            <source>Signed at (place)</source>
            <translation>签署地点</translation>
        </message>
        <message>
            <source>Signature</source>
            <translation>签名</translation>
        </message>
        <message>
            <source>Signed at</source>
            <translation>签署时间</translation>
        </message>
        <message>
            <source>Signed on</source>
            <translation>签署日期</translation>
        </message>
        <message>
            <source>Signed PDF SHA-256</source>
            <translation>已签署 PDF 的 SHA-256</translation>
        </message>
        <message>
            <source>Signer</source>
            <translation>签署人</translation>
        </message>
        <message>
            <source>Signer's title</source>
            <translation>签署人职务</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>Statement</source>
            <translation>期望内容</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Summary cadence</source>
            <translation>进度报告周期</translation>
        </message>
        <message>
            <source>Symptoms</source>
            <translation>症状</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>For training</source>
            <translation>所属培训</translation>
        </message>
        <message>
            <source>Triage</source>
            <translation>分级</translation>
        </message>
        <message>
            <source>Window language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>file of %1 KB, SHA-256 %2</source>
            <translation>文件 %1 KB,SHA-256 %2</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>CalendarExportDialog</name>
        <message>
            <source>Calendar file</source>
            <translation>日历文件</translation>
        </message>
        <message>
            <source>This project (%1)</source>
            <translation>本项目（%1）</translation>
        </message>
        <message>
            <source>This project</source>
            <translation>本项目</translation>
        </message>
        <message>
            <source>Every project</source>
            <translation>所有项目</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Calendar files (*.ics)</source>
            <translation>日历文件 (*.ics)</translation>
        </message>
        <message>
            <source>Choose where to save the calendar file.</source>
            <translation>请选择日历文件的保存位置。</translation>
        </message>
    </context>
    <context>
        <name>CaptureAskDialog</name>
        <message>
            <source>Capture an extra ask</source>
            <translation>记录额外需求</translation>
        </message>
        <message>
            <source>Left empty, these come from the log entry</source>
            <translation>留空则取自沟通记录</translation>
        </message>
        <message>
            <source>What was asked</source>
            <translation>需求内容</translation>
        </message>
        <message>
            <source>Who asked</source>
            <translation>提出人</translation>
        </message>
        <message>
            <source>Someone else (type the name below)</source>
            <translation>其他人（在下方填写姓名）</translation>
        </message>
        <message>
            <source>Name if not a contact</source>
            <translation>非联系人时的姓名</translation>
        </message>
        <message>
            <source>When</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
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
        <name>ChangeRequestDialog</name>
        <message>
            <source>New change request</source>
            <translation>新建变更请求</translation>
        </message>
        <message>
            <source>Edit change request</source>
            <translation>编辑变更请求</translation>
        </message>
        <message>
            <source>The ask</source>
            <translation>需求内容</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>What was asked</source>
            <translation>提出的需求</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Arose from issue</source>
            <translation>源自问题</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Requested by</source>
            <translation>提出人</translation>
        </message>
        <message>
            <source>Someone else (type the name below)</source>
            <translation>其他人（在下方填写姓名）</translation>
        </message>
        <message>
            <source>Name if not a contact</source>
            <translation>非联系人时的姓名</translation>
        </message>
        <message>
            <source>Requested on</source>
            <translation>提出日期</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Triage &amp;&amp; impact</source>
            <translation>分级与影响</translation>
        </message>
        <message>
            <source>Triage</source>
            <translation>分级</translation>
        </message>
        <message>
            <source>Scope check</source>
            <translation>范围核对</translation>
        </message>
        <message>
            <source>Matching scope item</source>
            <translation>对应的范围条目</translation>
        </message>
        <message>
            <source>Matching exclusion</source>
            <translation>对应的不包含事项</translation>
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
            <source>Cost</source>
            <translation>费用</translation>
        </message>
        <message>
            <source> working days</source>
            <translation> 个工作日</translation>
        </message>
        <message>
            <source>Schedule impact</source>
            <translation>工期影响</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>风险</translation>
        </message>
        <message>
            <source>Client's view</source>
            <translation>客户视角分析</translation>
        </message>
        <message>
            <source>Benefit to the client</source>
            <translation>对客户的收益</translation>
        </message>
        <message>
            <source>Cost and effort for the client</source>
            <translation>客户需付出的成本与精力</translation>
        </message>
        <message>
            <source>Risks</source>
            <translation>风险</translation>
        </message>
        <message>
            <source>Alternatives</source>
            <translation>替代方案</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>决定</translation>
        </message>
        <message>
            <source>Decided by</source>
            <translation>决定人</translation>
        </message>
        <message>
            <source>Decided on</source>
            <translation>决定日期</translation>
        </message>
        <message>
            <source>Rationale</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>审批人</translation>
        </message>
        <message>
            <source>Approved on</source>
            <translation>审批日期</translation>
        </message>
        <message>
            <source>Approval note</source>
            <translation>审批意见</translation>
        </message>
        <message>
            <source>Last refused by</source>
            <translation>最近一次退回</translation>
        </message>
        <message>
            <source>Use Decide… and Approve or refuse… on the Change requests page to change it.</source>
            <translation>请在“变更请求”页面使用“决定…”和“审批或退回…”进行修改。</translation>
        </message>
    </context>
    <context>
        <name>ChangeRequestModel</name>
        <message>
            <source>Ref</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Ask</source>
            <translation>需求</translation>
        </message>
        <message>
            <source>Requested</source>
            <translation>提出日期</translation>
        </message>
        <message>
            <source>By</source>
            <translation>提出人</translation>
        </message>
        <message>
            <source>Triage</source>
            <translation>分级</translation>
        </message>
        <message>
            <source>Scope check</source>
            <translation>范围核对</translation>
        </message>
        <message>
            <source>Effort (h)</source>
            <translation>工作量（小时）</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>决定</translation>
        </message>
    </context>
    <context>
        <name>ChangeRequestsPage</name>
        <message>
            <source>Change requests</source>
            <translation>变更请求</translation>
        </message>
        <message>
            <source>No change requests yet. Log every extra ask here, even small ones: what is not written down cannot be decided.</source>
            <translation>还没有变更请求。每一项额外需求都记在这里，小事也不例外：没有记录的事无法做出决定。</translation>
        </message>
        <message>
            <source>Decide…</source>
            <translation>决定…</translation>
        </message>
        <message>
            <source>Decide the request: checked against your authority and the budgets</source>
            <translation>决定该变更请求：按授权额度和各项额度检查</translation>
        </message>
        <message>
            <source>Approve or refuse…</source>
            <translation>审批或退回…</translation>
        </message>
        <message>
            <source>A manager approves or refuses a decision held above your authority limits</source>
            <translation>由上级审批或退回超出您授权额度的决定</translation>
        </message>
        <message>
            <source>Export the record of this request as one PDF: log entries, letters, commitments, attachments</source>
            <translation>将此变更请求的记录导出为一个 PDF：沟通记录、函件、承诺事项、附件</translation>
        </message>
    </context>
    <context>
        <name>ClientDialog</name>
        <message>
            <source>Edit client</source>
            <translation>编辑客户</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>客户名称</translation>
        </message>
        <message>
            <source>Industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
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
        <name>ConfirmLimitsDialog</name>
        <message>
            <source>Confirm the limits of %1</source>
            <translation>确认 %1 的授权额度</translation>
        </message>
        <message>
            <source>Limits</source>
            <translation>授权额度</translation>
        </message>
        <message>
            <source>Confirmed by</source>
            <translation>确认人</translation>
        </message>
    </context>
    <context>
        <name>ContactDialog</name>
        <message>
            <source>New contact</source>
            <translation>新建联系人</translation>
        </message>
        <message>
            <source>Edit contact</source>
            <translation>编辑联系人</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>邮箱</translation>
        </message>
        <message>
            <source>May sign for the client</source>
            <translation>可代表客户签字</translation>
        </message>
    </context>
    <context>
        <name>ContactModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>May sign</source>
            <translation>可签字</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>邮箱</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
    </context>
    <context>
        <name>CopyKeeper</name>
        <message numerus="yes">
            <source>Kept a copy of %n letter(s) issued before DeliveryDesk kept copies.</source>
            <translation>
                <numerusform>已为 %n 封在 DeliveryDesk 开始保存副本之前发出的函件保存了副本。</numerusform>
            </translation>
        </message>
        <message>
            <source>Letters without a copy</source>
            <translation>没有副本的函件</translation>
        </message>
        <message numerus="yes">
            <source>%n letter(s) issued before DeliveryDesk kept a copy of every issued PDF no longer print byte for byte, so no copy could be kept.</source>
            <translation>
                <numerusform>有 %n 封函件发出时 DeliveryDesk 尚未保存已发出 PDF 的副本，现在重新生成的 PDF 已与原件不再逐字节一致，因此无法保存副本。</numerusform>
            </translation>
        </message>
        <message>
            <source>Issue a new version to have a copy to print. The client's copy can still be checked with 'deliverydesk verify'. The letters are listed under Show Details.</source>
            <translation>如需可打印的副本，请发出新版本。客户手中的副本仍可用 'deliverydesk verify' 核验。函件清单见“显示详情”。</translation>
        </message>
        <message>
            <source>The copies of earlier letters could not be kept: %1</source>
            <translation>未能保存早先函件的副本：%1</translation>
        </message>
    </context>
    <context>
        <name>CrashHandler</name>
        <message>
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <source>DeliveryDesk hit an unexpected error: {summary}</source>
            <translation>DeliveryDesk 遇到意外错误：{summary}</translation>
        </message>
        <message>
            <source>Everything you saved before is safe. The details were written to the log file:
{log}</source>
            <translation>您之前保存的内容都是安全的。详细信息已写入日志文件：
{log}</translation>
        </message>
    </context>
    <context>
        <name>DecideDialog</name>
        <message>
            <source>Decide %1</source>
            <translation>决定 %1</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>当前状态</translation>
        </message>
        <message>
            <source>%1 refused on %2: %3</source>
            <translation>%1 于 %2 退回：%3</translation>
        </message>
        <message>
            <source>Manager</source>
            <translation>上级</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>决定结果</translation>
        </message>
        <message>
            <source>Rationale</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Decided by</source>
            <translation>决定人</translation>
        </message>
        <message>
            <source>Goodwill after</source>
            <translation>决定后友情支持</translation>
        </message>
        <message>
            <source>Scope creep after</source>
            <translation>决定后范围蔓延比</translation>
        </message>
        <message>
            <source>Move milestones</source>
            <translation>调整里程碑</translation>
        </message>
        <message>
            <source>%1 (you)</source>
            <translation>%1（本人）</translation>
        </message>
        <message>
            <source>Set your name in Settings first</source>
            <translation>请先在设置中填写您的姓名</translation>
        </message>
        <message>
            <source>Needs a manager's approval because:</source>
            <translation>需要上级审批，原因：</translation>
        </message>
    </context>
    <context>
        <name>DocumentOutput</name>
        <message>
            <source>Print document</source>
            <translation>打印文档</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>导出 PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Export finished</source>
            <translation>导出完成</translation>
        </message>
        <message>
            <source>The PDF was saved to %1.</source>
            <translation>PDF 已保存到 %1。</translation>
        </message>
        <message>
            <source>Open PDF</source>
            <translation>打开 PDF</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>打开所在文件夹</translation>
        </message>
    </context>
    <context>
        <name>DocumentsPage</name>
        <message>
            <source>New expectation letter</source>
            <translation>新建期望确认函</translation>
        </message>
        <message>
            <source>Change decision…</source>
            <translation>变更决定书…</translation>
        </message>
        <message>
            <source>Progress summary…</source>
            <translation>进度报告…</translation>
        </message>
        <message>
            <source>Handover report</source>
            <translation>交接报告</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <source>Sign…</source>
            <translation>签署…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>文档</translation>
        </message>
        <message>
            <source>Expectation letter out of date: an expectation changed since it was issued.</source>
            <translation>期望确认函已过期：签发后有期望被修改，需要签发新版本。</translation>
        </message>
        <message>
            <source>Progress summary due since %1.</source>
            <translation>进度报告自 %1 起到期。</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Change decision</source>
            <translation>变更决定书</translation>
        </message>
        <message>
            <source>Which decided change request?</source>
            <translation>选择哪一项已决定的变更请求？</translation>
        </message>
        <message>
            <source>Confirmed in writing by this signature: %1</source>
            <translation>本次签署已书面确认：%1</translation>
        </message>
        <message>
            <source>Signed, with a note</source>
            <translation>已签署（附提示）</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>已签署</translation>
        </message>
    </context>
    <context>
        <name>EvidenceDialog</name>
        <message>
            <source>Evidence pack</source>
            <translation>证据包</translation>
        </message>
        <message>
            <source>One PDF with the chronological record: log entries with their corrections, letters with fingerprints and signatures, commitments, and the attachments with their SHA-256.</source>
            <translation>将按时间顺序排列的记录导出为一个 PDF：沟通记录及其更正、带指纹和签署状态的函件、承诺事项，以及附件及其 SHA-256。</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>主题</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>The project's document language</source>
            <translation>项目的文档语言</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>First day</source>
            <translation>起始日期</translation>
        </message>
        <message>
            <source>Last day</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Save as</source>
            <translation>保存为</translation>
        </message>
        <message>
            <source>Save the evidence pack</source>
            <translation>保存证据包</translation>
        </message>
        <message>
            <source>The range cannot end before it starts.</source>
            <translation>截止日期不能早于起始日期。</translation>
        </message>
        <message>
            <source>Choose where to save the PDF.</source>
            <translation>请选择 PDF 的保存位置。</translation>
        </message>
        <message>
            <source>Evidence pack…</source>
            <translation>证据包…</translation>
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
            <source>e.g. Integration with the client's ERP</source>
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
            <source>Recommendation</source>
            <translation>建议</translation>
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
    </context>
    <context>
        <name>HandoverGate</name>
        <message>
            <source>Training “%1” has no written material: link the documents handed over for it.</source>
            <translation>培训「%1」没有书面资料：请关联为其移交的文档。</translation>
        </message>
        <message>
            <source>%1 “%2” is neither accepted nor listed as an open item with an owner and a date.</source>
            <translation>%1「%2」既未验收，也未作为有负责人和日期的遗留事项列出。</translation>
        </message>
        <message>
            <source>%1 “%2” is a %3-severity issue with no risk or caution noted.</source>
            <translation>%1「%2」是严重程度为“%3”的问题，但未记录任何风险或注意事项。</translation>
        </message>
        <message>
            <source>The handover report cannot be issued while these stand in the way:</source>
            <translation>以下事项解决之前，不能签发交接报告：</translation>
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
        <name>Health</name>
        <message>
            <source>On track</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>有风险</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>Created</source>
            <translation>创建</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>修改</translation>
        </message>
        <message>
            <source>Archived</source>
            <translation>归档</translation>
        </message>
        <message>
            <source>Restored</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>History: %1</source>
            <translation>历史记录：%1</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>No changes recorded yet: the history starts with the next change.</source>
            <translation>尚无修改记录：历史记录从下一次修改开始。</translation>
        </message>
        <message>
            <source>History starts on %1: changes made before then were not recorded.</source>
            <translation>历史记录始于 %1：此前的修改未被记录。</translation>
        </message>
        <message>
            <source>No changes recorded since %1.</source>
            <translation>自 %1 以来没有修改记录。</translation>
        </message>
        <message numerus="yes">
            <source>Only the newest %n changes are shown.</source>
            <translation>
                <numerusform>仅显示最近的 %n 次修改。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>What</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>修改前</translation>
        </message>
        <message>
            <source>After</source>
            <translation>修改后</translation>
        </message>
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
            <source>Today</source>
            <translation>今日</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Choose a file…</source>
            <translation>请选择文件…</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>%1 new, %2 updated, %3 unchanged, %4 not imported.</source>
            <translation>新增 %1 条，更新 %2 条，未变 %3 条，未导入 %4 条。</translation>
        </message>
    </context>
    <context>
        <name>ImportPreview</name>
        <message>
            <source>New</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>更新</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>未变</translation>
        </message>
        <message>
            <source>Not imported</source>
            <translation>不导入</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>有问题</translation>
        </message>
        <message>
            <source>Milestone</source>
            <translation>里程碑</translation>
        </message>
        <message>
            <source>Scope item</source>
            <translation>范围条目</translation>
        </message>
        <message>
            <source>Exclusion</source>
            <translation>不包含事项</translation>
        </message>
        <message>
            <source>Summary task</source>
            <translation>摘要任务</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Non-working day</source>
            <translation>非工作日</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Import this task as a scope item</source>
            <translation>将此任务导入为范围条目</translation>
        </message>
    </context>
    <context>
        <name>InterchangeMenus</name>
        <message>
            <source>&amp;Microsoft Project…</source>
            <translation>Microsoft Project(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;Scope from a spreadsheet…</source>
            <translation>从电子表格导入范围(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Calendar file (iCalendar)…</source>
            <translation>日历文件（iCalendar）(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>导入(&amp;I)</translation>
        </message>
        <message>
            <source>E&amp;xport</source>
            <translation>导出(&amp;X)</translation>
        </message>
        <message>
            <source>Export a Microsoft Project plan</source>
            <translation>导出 Microsoft Project 计划</translation>
        </message>
        <message>
            <source>Microsoft Project XML (*.xml)</source>
            <translation>Microsoft Project XML (*.xml)</translation>
        </message>
        <message>
            <source>Export finished</source>
            <translation>导出完成</translation>
        </message>
        <message>
            <source>Saved to %1.</source>
            <translation>已保存到 %1。</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>打开文件夹</translation>
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
        <name>Labels</name>
        <message>
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <source>Simplified Chinese</source>
            <translation>简体中文</translation>
        </message>
        <message>
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Letter（美国信纸）</translation>
        </message>
        <message>
            <source>Planning</source>
            <translation>筹备中</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>On hold</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Handed over</source>
            <translation>已交接</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <source>Decision maker</source>
            <translation>决策人</translation>
        </message>
        <message>
            <source>Coordinator</source>
            <translation>协调人</translation>
        </message>
        <message>
            <source>End user</source>
            <translation>最终用户</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>已交付</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>已验收</translation>
        </message>
        <message>
            <source>Our side</source>
            <translation>我方</translation>
        </message>
        <message>
            <source>Client side</source>
            <translation>客户方</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>已计划</translation>
        </message>
        <message>
            <source>Waiting on the client</source>
            <translation>等待客户</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>已达成</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>未达成</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>已撤回</translation>
        </message>
        <message>
            <source>Expectation confirmation letter</source>
            <translation>期望确认函</translation>
        </message>
        <message>
            <source>Change decision</source>
            <translation>变更决定书</translation>
        </message>
        <message>
            <source>Progress summary</source>
            <translation>进度报告</translation>
        </message>
        <message>
            <source>Handover report</source>
            <translation>交接报告</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>已签发</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>已签署</translation>
        </message>
        <message>
            <source>Superseded</source>
            <translation>已作废（被新版本取代）</translation>
        </message>
        <message>
            <source>Signed on screen</source>
            <translation>屏幕签署</translation>
        </message>
        <message>
            <source>Signed on paper</source>
            <translation>纸质签署</translation>
        </message>
        <message>
            <source>Confirmed by email</source>
            <translation>邮件确认</translation>
        </message>
        <message>
            <source>Signature refused</source>
            <translation>拒绝签署</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>会议</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>邮件</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>Site visit</source>
            <translation>现场拜访</translation>
        </message>
        <message>
            <source>Not triaged</source>
            <translation>未分级</translation>
        </message>
        <message>
            <source>A (blocks the goal; do now)</source>
            <translation>A（阻碍目标，立即处理）</translation>
        </message>
        <message>
            <source>B (small, related; deferred)</source>
            <translation>B（相关小事，延后处理）</translation>
        </message>
        <message>
            <source>C (large; separate request)</source>
            <translation>C（重大事项，另行立项）</translation>
        </message>
        <message>
            <source>Not checked</source>
            <translation>未核对</translation>
        </message>
        <message>
            <source>In scope</source>
            <translation>范围内</translation>
        </message>
        <message>
            <source>Explicitly excluded</source>
            <translation>属于不包含事项</translation>
        </message>
        <message>
            <source>Out of scope</source>
            <translation>范围外</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>低</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>中</translation>
        </message>
        <message>
            <source>High</source>
            <translation>高</translation>
        </message>
        <message>
            <source>Awaiting decision</source>
            <translation>待决定</translation>
        </message>
        <message>
            <source>Awaiting manager approval</source>
            <translation>待上级审批</translation>
        </message>
        <message>
            <source>Approved, billable</source>
            <translation>已批准（收费）</translation>
        </message>
        <message>
            <source>Approved as goodwill</source>
            <translation>已批准（友情支持）</translation>
        </message>
        <message>
            <source>Deferred</source>
            <translation>已延后</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>决定</translation>
        </message>
        <message>
            <source>Commitment</source>
            <translation>承诺事项</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>严重</translation>
        </message>
        <message>
            <source>Document handed over</source>
            <translation>移交文档</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>培训记录</translation>
        </message>
        <message>
            <source>Risk or caution</source>
            <translation>风险与注意事项</translation>
        </message>
        <message>
            <source>Open item</source>
            <translation>未结事项</translation>
        </message>
        <message>
            <source>Engineer</source>
            <translation>工程师</translation>
        </message>
        <message>
            <source>Manager</source>
            <translation>经理</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
    </context>
    <context>
        <name>LetterModel</name>
        <message>
            <source>Document</source>
            <translation>文档</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>指纹</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>签发时间</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>签署</translation>
        </message>
        <message>
            <source>Recorded %1 by %2</source>
            <translation>%2 于 %1 录入</translation>
        </message>
        <message>
            <source>Expectation letter</source>
            <translation>期望确认函</translation>
        </message>
        <message>
            <source>Change decision</source>
            <translation>变更决定书</translation>
        </message>
        <message>
            <source>Progress summary</source>
            <translation>进度报告</translation>
        </message>
        <message>
            <source>Handover report</source>
            <translation>交接报告</translation>
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
            <source>One PDF of the log over a date range, with letters, commitments and attached files</source>
            <translation>把一段日期内的沟通记录连同函件、承诺和附件生成一份 PDF</translation>
        </message>
        <message>
            <source>Quick add: what happened, then Enter (logged now)</source>
            <translation>快速添加：写下发生的事，按 Enter（记为现在）</translation>
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
        <name>Logo</name>
        <message>
            <source>The file cannot be read.</source>
            <translation>无法读取该文件。</translation>
        </message>
        <message>
            <source>The logo is larger than 2 MB; use a smaller image.</source>
            <translation>标志图片超过 2 MB，请使用较小的图片。</translation>
        </message>
        <message>
            <source>Choose a PNG or JPEG image.</source>
            <translation>请选择 PNG 或 JPEG 图片。</translation>
        </message>
        <message>
            <source>The logo is too large: at most 4000 × 4000 pixels.</source>
            <translation>标志图片尺寸过大：最大 4000 × 4000 像素。</translation>
        </message>
        <message>
            <source>The image is damaged and cannot be read.</source>
            <translation>图片已损坏，无法读取。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>DeliveryDesk</source>
            <translation>DeliveryDesk</translation>
        </message>
        <message>
            <source>&amp;Today</source>
            <translation>今日(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Projects</source>
            <translation>项目(&amp;P)</translation>
        </message>
        <message>
            <source>Rec&amp;urring problems</source>
            <translation>重复出现的问题(&amp;U)</translation>
        </message>
        <message>
            <source>C&amp;ategories…</source>
            <translation>类别(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;New project…</source>
            <translation>新建项目(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Find project</source>
            <translation>查找项目(&amp;F)</translation>
        </message>
        <message>
            <source>Search &amp;records…</source>
            <translation>搜索记录(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Close project</source>
            <translation>关闭项目(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Documents and export…</source>
            <translation>文档与导出(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>Open the &amp;data folder</source>
            <translation>打开数据文件夹(&amp;D)</translation>
        </message>
        <message>
            <source>Open the &amp;log file</source>
            <translation>打开日志文件(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;About DeliveryDesk</source>
            <translation>关于 DeliveryDesk(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Capture an extra ask…</source>
            <translation>记录额外需求(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Log an entry</source>
            <translation>记录沟通(&amp;L)</translation>
        </message>
        <message>
            <source>Go to the project's log, ready to type what happened</source>
            <translation>转到项目的沟通记录，直接输入发生的事情</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
        <message>
            <source>Read-only: changes cannot be saved</source>
            <translation>只读：无法保存更改</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>Please check the highlighted fields</source>
            <translation>请检查标出的字段</translation>
        </message>
        <message>
            <source>Record not found</source>
            <translation>找不到该记录</translation>
        </message>
        <message>
            <source>Not allowed</source>
            <translation>不允许此操作</translation>
        </message>
        <message>
            <source>The disk is full</source>
            <translation>磁盘已满</translation>
        </message>
        <message>
            <source>The database cannot be used</source>
            <translation>无法使用数据库</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>出现问题</translation>
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
            <source>No milestones yet. Add the contract's milestones with their baseline dates; moving a date later keeps its history.</source>
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
        <name>NewProjectDialog</name>
        <message>
            <source>No regular summary</source>
            <translation>不定期发送</translation>
        </message>
        <message>
            <source>Every Friday</source>
            <translation>每周五</translation>
        </message>
        <message>
            <source>Every other Friday</source>
            <translation>每两周的周五</translation>
        </message>
        <message>
            <source>Last working day of the month</source>
            <translation>每月最后一个工作日</translation>
        </message>
        <message>
            <source>New project</source>
            <translation>新建项目</translation>
        </message>
        <message>
            <source>Choose a client or type a new name</source>
            <translation>选择客户，或输入新客户名称</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>项目编号</translation>
        </message>
        <message>
            <source>e.g. DD-2026-014</source>
            <translation>例如 DD-2026-014</translation>
        </message>
        <message>
            <source>Project name</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <source>Contract start</source>
            <translation>合同开始日期</translation>
        </message>
        <message>
            <source>Contract end</source>
            <translation>合同结束日期</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Document language</source>
            <translation>文档语言</translation>
        </message>
        <message>
            <source>Contracted effort</source>
            <translation>合同工作量</translation>
        </message>
        <message>
            <source>Goodwill budget</source>
            <translation>友情支持额度</translation>
        </message>
        <message>
            <source>Progress summary</source>
            <translation>进度报告</translation>
        </message>
        <message>
            <source> h</source>
            <translation> 小时</translation>
        </message>
        <message>
            <source>Choose a client or type a new client's name.</source>
            <translation>请选择客户，或输入新客户的名称。</translation>
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
        <name>OpeningWindow</name>
        <message>
            <source>Opening and checking the database…</source>
            <translation>正在打开并检查数据库…</translation>
        </message>
    </context>
    <context>
        <name>OverviewHistory</name>
        <message>
            <source>History…</source>
            <translation>历史记录…</translation>
        </message>
        <message>
            <source>Every recorded change: who, when, before and after</source>
            <translation>每一次记录在案的修改：谁、何时、改前和改后</translation>
        </message>
        <message>
            <source>Of the project</source>
            <translation>项目的历史</translation>
        </message>
        <message>
            <source>Of the client</source>
            <translation>客户的历史</translation>
        </message>
        <message>
            <source>Of the selected contact</source>
            <translation>所选联系人的历史</translation>
        </message>
        <message>
            <source>Of the client: %1</source>
            <translation>客户的历史：%1</translation>
        </message>
        <message>
            <source>Of the contact: %1</source>
            <translation>联系人的历史：%1</translation>
        </message>
    </context>
    <context>
        <name>OverviewPage</name>
        <message>
            <source>How the project stands</source>
            <translation>项目现状</translation>
        </message>
        <message>
            <source>Key facts</source>
            <translation>基本信息</translation>
        </message>
        <message>
            <source>Edit project…</source>
            <translation>编辑项目…</translation>
        </message>
        <message>
            <source>Edit client…</source>
            <translation>编辑客户…</translation>
        </message>
        <message>
            <source>Client contacts</source>
            <translation>客户联系人</translation>
        </message>
        <message>
            <source>No contacts yet. Add the people you deal with, and mark who may sign for the client.</source>
            <translation>还没有联系人。添加与您打交道的人，并标明谁可以代表客户签字。</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Contract</source>
            <translation>合同</translation>
        </message>
        <message>
            <source>Contract value</source>
            <translation>合同金额</translation>
        </message>
        <message>
            <source>Contract period</source>
            <translation>合同期</translation>
        </message>
        <message>
            <source>Document language</source>
            <translation>文档语言</translation>
        </message>
        <message>
            <source>Delivery lead</source>
            <translation>交付负责人</translation>
        </message>
        <message>
            <source>Sales owner</source>
            <translation>销售负责人</translation>
        </message>
        <message>
            <source>Contracted effort</source>
            <translation>合同工作量</translation>
        </message>
        <message>
            <source>Goodwill budget</source>
            <translation>友情支持额度</translation>
        </message>
        <message>
            <source>Milestones</source>
            <translation>里程碑</translation>
        </message>
        <message>
            <source>Expectations confirmed</source>
            <translation>期望书面确认</translation>
        </message>
        <message>
            <source>Change requests</source>
            <translation>变更请求</translation>
        </message>
        <message>
            <source>Goodwill used</source>
            <translation>友情支持已用</translation>
        </message>
        <message>
            <source>Scope-creep ratio</source>
            <translation>范围蔓延比</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>概览</translation>
        </message>
        <message>
            <source>%1 h</source>
            <translation>%1 小时</translation>
        </message>
        <message>
            <source>No milestones yet</source>
            <translation>还没有里程碑</translation>
        </message>
        <message>
            <source>%1 of %2 confirmed in writing</source>
            <translation>%2 项中已书面确认 %1 项</translation>
        </message>
        <message>
            <source>No expectations yet</source>
            <translation>还没有期望</translation>
        </message>
        <message>
            <source>No change requests yet</source>
            <translation>还没有变更请求</translation>
        </message>
        <message>
            <source>%1 h used; no goodwill budget set</source>
            <translation>已用 %1 小时；未设定友情支持额度</translation>
        </message>
        <message>
            <source>%1 h of %2 h (%3 %)</source>
            <translation>%2 小时中已用 %1 小时（%3 %）</translation>
        </message>
        <message>
            <source>No contracted effort set</source>
            <translation>未设定合同工作量</translation>
        </message>
        <message>
            <source>%1 % (%2 h accepted out of scope, %3 h contracted)</source>
            <translation>%1 %（接受的范围外工作 %2 小时，合同工作量 %3 小时）</translation>
        </message>
        <message numerus="yes">
            <source>%n change request(s) worked on without a decision</source>
            <translation>
                <numerusform>%n 项变更请求未经决定已在实施</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n deferred B-item(s) waiting</source>
            <translation>
                <numerusform>%n 项延后处理的 B 类事项待处理</numerusform>
            </translation>
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
        <name>PdfView</name>
        <message>
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>放大</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>适应宽度</translation>
        </message>
        <message>
            <source>Fit the page width</source>
            <translation>适应页面宽度</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>第 %1 页，共 %2 页</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
    </context>
    <context>
        <name>PeoplePanel</name>
        <message>
            <source>Who decides within which limits, and who may approve. Decisions above your limits wait for a manager of this list; no one approves their own decision.</source>
            <translation>谁在什么额度内决定，谁可以审批。超出您额度的决定须由名单中的上级审批；任何人不能审批自己的决定。</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Take off the roster</source>
            <translation>移出名单</translation>
        </message>
        <message>
            <source>Confirm limits…</source>
            <translation>确认额度…</translation>
        </message>
        <message>
            <source>A manager confirms limits a person set themselves</source>
            <translation>由上级确认本人自行设定的额度</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Hours / change</source>
            <translation>工时 / 每项变更</translation>
        </message>
        <message>
            <source>Cost / change</source>
            <translation>费用 / 每项变更</translation>
        </message>
        <message>
            <source>Goodwill h / project</source>
            <translation>友情支持工时 / 每个项目</translation>
        </message>
        <message>
            <source>Limits set by</source>
            <translation>额度设定人</translation>
        </message>
        <message>
            <source>%1 (you)</source>
            <translation>%1（本人）</translation>
        </message>
        <message>
            <source>themselves: a manager should confirm</source>
            <translation>本人自行设定：需上级确认</translation>
        </message>
        <message>
            <source>%1 h and %2 per change request · %3 h goodwill per project</source>
            <translation>每项变更请求 %1 小时、%2 · 每个项目友情支持 %3 小时</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <source>Add a person</source>
            <translation>添加人员</translation>
        </message>
        <message>
            <source>Edit %1</source>
            <translation>编辑 %1</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Hours per change request</source>
            <translation>每项变更请求的工时</translation>
        </message>
        <message>
            <source> h</source>
            <translation> 小时</translation>
        </message>
        <message>
            <source>Cost per change request</source>
            <translation>每项变更请求的费用</translation>
        </message>
        <message>
            <source>Goodwill hours per project</source>
            <translation>每个项目的友情支持工时</translation>
        </message>
        <message>
            <source>These are your own limits: a change you make shows on Home until a manager confirms it.</source>
            <translation>这是您本人的授权额度：您所做的修改会显示在首页，直到上级确认。</translation>
        </message>
    </context>
    <context>
        <name>PlanImportDialog</name>
        <message>
            <source>Import a Microsoft Project plan</source>
            <translation>导入 Microsoft Project 计划</translation>
        </message>
        <message>
            <source>Microsoft Project XML (*.xml)</source>
            <translation>Microsoft Project XML (*.xml)</translation>
        </message>
        <message>
            <source>Milestones of the plan become milestones (baseline from the plan's baseline, forecast from its finish, actual from its actual finish); tick the tasks that should become scope items. The plan's calendar exceptions become the project's extra non-working days. Importing the same plan again updates what it brought in; issued letters never change.</source>
            <translation>计划中的里程碑导入为里程碑（基线日期取自计划的基线，预计日期取自完成日期，实际日期取自实际完成日期）；勾选要作为范围条目导入的任务。计划日历中的例外日期成为本项目额外的非工作日。再次导入同一计划会更新上次导入的内容；已签发的函件不会改变。</translation>
        </message>
        <message>
            <source>Import every task as a scope item</source>
            <translation>将所有任务导入为范围条目</translation>
        </message>
        <message>
            <source>UID</source>
            <translation>UID</translation>
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
        <name>PreviewDialog</name>
        <message>
            <source>Draft: not issued yet. Issuing seals this content with a fingerprint.</source>
            <translation>草稿：尚未签发。签发后内容以指纹封存，不可再改。</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>签发</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
    </context>
    <context>
        <name>ProjectDialog</name>
        <message>
            <source>Edit project</source>
            <translation>编辑项目</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>项目编号</translation>
        </message>
        <message>
            <source>Project name</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <source>Contract reference</source>
            <translation>合同编号</translation>
        </message>
        <message>
            <source>Contract value</source>
            <translation>合同金额</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>设定</translation>
        </message>
        <message>
            <source>Contract start</source>
            <translation>合同开始日期</translation>
        </message>
        <message>
            <source>Contract end</source>
            <translation>合同结束日期</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Delivery lead</source>
            <translation>交付负责人</translation>
        </message>
        <message>
            <source>Sales owner</source>
            <translation>销售负责人</translation>
        </message>
        <message>
            <source> h</source>
            <translation> 小时</translation>
        </message>
        <message>
            <source>Contracted effort</source>
            <translation>合同工作量</translation>
        </message>
        <message>
            <source>Goodwill budget</source>
            <translation>友情支持额度</translation>
        </message>
        <message>
            <source>Document language</source>
            <translation>文档语言</translation>
        </message>
    </context>
    <context>
        <name>ProjectListModel</name>
        <message>
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Next milestone</source>
            <translation>下一个里程碑</translation>
        </message>
        <message>
            <source>Goodwill</source>
            <translation>友情支持</translation>
        </message>
        <message>
            <source>Scope creep</source>
            <translation>范围蔓延</translation>
        </message>
        <message>
            <source>Nothing needs attention</source>
            <translation>暂无需关注事项</translation>
        </message>
        <message>
            <source>Goodwill used: %1 of %2 h</source>
            <translation>已用友情支持：%1 / %2 小时</translation>
        </message>
        <message>
            <source>Scope creep: %1 h beyond %2 h contracted</source>
            <translation>范围蔓延：合同 %2 小时之外已接受 %1 小时</translation>
        </message>
        <message numerus="yes">
            <source>(slip %n working day(s))</source>
            <translation>
                <numerusform>（延误 %n 个工作日）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n overdue</source>
            <translation>
                <numerusform>%n 项逾期</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n to decide</source>
            <translation>
                <numerusform>%n 项待决定</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting on client</source>
            <translation>
                <numerusform>%n 项等待客户</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProjectNavigator</name>
        <message>
            <source>Filter by code, name or client</source>
            <translation>按编号、名称或客户筛选</translation>
        </message>
        <message>
            <source>All clients</source>
            <translation>全部客户</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message numerus="yes">
            <source>%n project(s)</source>
            <translation>
                <numerusform>%n 个项目</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProjectWorkspace</name>
        <message>
            <source>Choose a project on the left.</source>
            <translation>请在左侧选择一个项目。</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <source>%1 (assigned when saved)</source>
            <translation>%1（保存时分配）</translation>
        </message>
        <message>
            <source>Ref</source>
            <translation>编号</translation>
        </message>
    </context>
    <context>
        <name>RecordPanel</name>
        <message>
            <source>Archive %1?

It is hidden from the lists, never erased; you can restore it later.</source>
            <translation>归档 %1?

归档后不再显示在列表中，但不会删除；之后可以恢复。</translation>
        </message>
        <message>
            <source>Archive</source>
            <translation>归档</translation>
        </message>
        <message>
            <source>Show archived</source>
            <translation>显示已归档</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>新建…</translation>
        </message>
        <message>
            <source>New (Insert or Ctrl+N)</source>
            <translation>新建（Insert 或 Ctrl+N）</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Edit (Enter, F2 or double-click)</source>
            <translation>编辑（Enter、F2 或双击）</translation>
        </message>
        <message>
            <source>Archive (Delete): hidden, never erased</source>
            <translation>归档（Delete）：隐藏，不会删除</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Bring an archived record back</source>
            <translation>恢复已归档的记录</translation>
        </message>
        <message>
            <source>History…</source>
            <translation>历史记录…</translation>
        </message>
        <message>
            <source>Every recorded change of this record: who, when, before and after (Ctrl+H)</source>
            <translation>此记录的全部修改记录：操作人、时间、修改前后的内容 (Ctrl+H)</translation>
        </message>
        <message>
            <source>Add the first one</source>
            <translation>添加第一条</translation>
        </message>
        <message>
            <source>%1 of %2 loaded</source>
            <translation>已加载 %1 / %2 条</translation>
        </message>
        <message numerus="yes">
            <source>%n shown</source>
            <translation>
                <numerusform>显示 %n 条</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n archived</source>
            <translation>
                <numerusform>%n 条已归档</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecordTableModel</name>
        <message>
            <source>Archived on %1</source>
            <translation>归档于 %1</translation>
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
        <name>ScopeImportDialog</name>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Title (required)</source>
            <translation>标题（必填）</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Acceptance criteria</source>
            <translation>验收标准</translation>
        </message>
        <message>
            <source>Effort (hours)</source>
            <translation>工作量（小时）</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <source>Import scope from a spreadsheet</source>
            <translation>从电子表格导入范围</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv)</source>
            <translation>电子表格 (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>Scope items</source>
            <translation>范围条目</translation>
        </message>
        <message>
            <source>Exclusions</source>
            <translation>不包含事项</translation>
        </message>
        <message>
            <source>Milestones</source>
            <translation>里程碑</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>工作表</translation>
        </message>
        <message>
            <source>Rows without a kind are</source>
            <translation>未注明类型的行视为</translation>
        </message>
        <message>
            <source>Which column holds what is remembered for this client. Dates: a date cell, 2026-03-31, 2026年3月31日 or 31/03/2026 (day first). Nothing is imported until every row can be.</source>
            <translation>各列的对应关系会为该客户记住。日期可以是日期单元格、2026-03-31、2026年3月31日或 31/03/2026（日在前）。所有行都能导入之前，不会导入任何内容。</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>(the whole file)</source>
            <translation>（整个文件）</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) cannot be imported (in red). Correct them in the spreadsheet and choose it again: nothing is imported until every row can be.</source>
            <translation>
                <numerusform>有 %n 行无法导入（红色显示）。请在电子表格中更正后重新选择：所有行都能导入之前，不会导入任何内容。</numerusform>
            </translation>
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
        <name>ScopeMeters</name>
        <message>
            <source>amber: nearly used up</source>
            <translation>黄色：即将用完</translation>
        </message>
        <message>
            <source>red: used up</source>
            <translation>红色：已用完</translation>
        </message>
        <message>
            <source>Nothing to measure against (no budget)</source>
            <translation>无可比较的基准（未设额度）</translation>
        </message>
        <message>
            <source>%1 of %2 h (%3 %)</source>
            <translation>%1 / %2 小时（%3 %）</translation>
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
    <context>
        <name>SearchDialog</name>
        <message>
            <source>Search records</source>
            <translation>搜索记录</translation>
        </message>
        <message>
            <source>Words or "a phrase" in Chinese or English; all must match</source>
            <translation>输入中文或英文词语，或用引号括起短语；须全部匹配</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <source>Include archived</source>
            <translation>包含已归档</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>沟通记录</translation>
        </message>
        <message>
            <source>Change requests</source>
            <translation>变更请求</translation>
        </message>
        <message>
            <source>Expectations</source>
            <translation>期望</translation>
        </message>
        <message>
            <source>Issues</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>This project</source>
            <translation>本项目</translation>
        </message>
        <message>
            <source>All projects</source>
            <translation>全部项目</translation>
        </message>
        <message>
            <source>This project (%1)</source>
            <translation>本项目（%1）</translation>
        </message>
        <message>
            <source>Type what to look for.</source>
            <translation>请输入要查找的内容。</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>正在搜索…</translation>
        </message>
        <message>
            <source>No record contains all of these words.</source>
            <translation>没有记录同时包含这些词语。</translation>
        </message>
        <message>
            <source>More than %1 matches; the newest are listed. Add a word to narrow the search.</source>
            <translation>匹配超过 %1 条，仅列出最新的。请再加一个词语缩小范围。</translation>
        </message>
        <message numerus="yes">
            <source>Matches: %n</source>
            <translation>
                <numerusform>匹配：%n 条</numerusform>
            </translation>
        </message>
        <message>
            <source>(only the beginning of a very long search text is used)</source>
            <translation>（搜索内容过长，只使用了开头部分）</translation>
        </message>
    </context>
    <context>
        <name>SearchEvidence</name>
        <message>
            <source>Evidence pack of these results…</source>
            <translation>用这些结果生成证据包…</translation>
        </message>
        <message>
            <source>Only log entries go into an evidence pack: set the kind to All kinds or Log.</source>
            <translation>证据包只收录沟通记录：请把类型设为“全部类型”或“沟通记录”。</translation>
        </message>
        <message>
            <source>Search first: the pack holds the log entries found.</source>
            <translation>请先搜索：证据包收录搜到的沟通记录。</translation>
        </message>
        <message>
            <source>None of these results is a log entry: a pack of search results holds log entries.</source>
            <translation>这些结果中没有沟通记录：搜索结果的证据包只收录沟通记录。</translation>
        </message>
        <message>
            <source>One PDF of the log entries found, with their corrections, letters and files.</source>
            <translation>把搜到的沟通记录连同更正、函件和附件生成一份 PDF。</translation>
        </message>
        <message>
            <source>A pack covers one project: found in several, you choose which.</source>
            <translation>一个证据包只涵盖一个项目：结果分属多个项目时，由您选择。</translation>
        </message>
        <message>
            <source>Collecting the log entries found…</source>
            <translation>正在收集搜到的沟通记录…</translation>
        </message>
        <message>
            <source>A pack covers one project. Which one?</source>
            <translation>一个证据包只涵盖一个项目。选择哪一个？</translation>
        </message>
        <message numerus="yes">
            <source>%n log entry(s)</source>
            <translation>
                <numerusform>%n 条沟通记录</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 · Search: "%2" (%3)</source>
            <translation>%1 · 搜索：“%2”(%3)</translation>
        </message>
    </context>
    <context>
        <name>SearchResultsModel</name>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
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
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Found text</source>
            <translation>匹配内容</translation>
        </message>
        <message>
            <source>Log entry</source>
            <translation>沟通记录</translation>
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
            <source>Issue</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>%1 (correction)</source>
            <translation>%1（更正）</translation>
        </message>
        <message>
            <source>%1 (corrected later)</source>
            <translation>%1（已被更正）</translation>
        </message>
        <message>
            <source>%1, archived</source>
            <translation>%1，已归档</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>General</source>
            <translation>常规</translation>
        </message>
        <message>
            <source>People</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>公司</translation>
        </message>
        <message>
            <source>Company name</source>
            <translation>公司名称</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Logo (PNG or JPEG)</source>
            <translation>公司标志（PNG 或 JPEG）</translation>
        </message>
        <message>
            <source>Engineer</source>
            <translation>工程师</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>您的姓名</translation>
        </message>
        <message>
            <source>Your title</source>
            <translation>您的职务</translation>
        </message>
        <message>
            <source>Where you sign</source>
            <translation>签署地点</translation>
        </message>
        <message>
            <source>Printed in our signature block when a letter is signed on screen, e.g. Suzhou</source>
            <translation>屏幕签署时打印在我方签署栏中，例如：苏州</translation>
        </message>
        <message>
            <source>Your authority limits are on the People tab.</source>
            <translation>您的授权额度在“人员”选项卡中。</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>文档</translation>
        </message>
        <message>
            <source>Default document language</source>
            <translation>默认文档语言</translation>
        </message>
        <message>
            <source>Paper size</source>
            <translation>纸张大小</translation>
        </message>
        <message>
            <source>Weekends only</source>
            <translation>仅周末</translation>
        </message>
        <message>
            <source>A country code, e.g. CN for mainland China</source>
            <translation>国家/地区代码，例如中国大陆为 CN</translation>
        </message>
        <message>
            <source>Holiday calendar</source>
            <translation>节假日日历</translation>
        </message>
        <message>
            <source>None: this database's own seal</source>
            <translation>无：使用本数据库自己的印章</translation>
        </message>
        <message>
            <source>Signing certificate (PKCS#12)</source>
            <translation>签名证书（PKCS#12）</translation>
        </message>
        <message>
            <source>Issued PDFs carry a signature any PDF reader checks: with this certificate (its password is asked once per session), or else with a seal made for this database.</source>
            <translation>签发的 PDF 带有任何 PDF 阅读器都能校验的签名：使用此证书（每次运行只询问一次密码），未设置时使用为本数据库生成的印章。</translation>
        </message>
        <message>
            <source>Choose the signing certificate</source>
            <translation>选择签名证书</translation>
        </message>
        <message>
            <source>PKCS#12 certificates (*.p12 *.pfx)</source>
            <translation>PKCS#12 证书 (*.p12 *.pfx)</translation>
        </message>
        <message>
            <source>Interface</source>
            <translation>界面</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <source>A new interface language applies the next time DeliveryDesk starts.</source>
            <translation>新的界面语言将在下次启动 DeliveryDesk 时生效。</translation>
        </message>
        <message>
            <source>Choose a logo</source>
            <translation>选择公司标志</translation>
        </message>
        <message>
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>图片 (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>No logo</source>
            <translation>无标志</translation>
        </message>
    </context>
    <context>
        <name>ShiftChoices</name>
        <message>
            <source>No open milestone would move (no schedule impact).</source>
            <translation>没有未完成的里程碑需要调整（无工期影响）。</translation>
        </message>
        <message>
            <source>%1 %2: %3 → %4</source>
            <translation>%1 %2:%3 → %4</translation>
        </message>
    </context>
    <context>
        <name>SignDialog</name>
        <message>
            <source>Sign %1 version %2</source>
            <translation>签署 %1 第 %2 版</translation>
        </message>
        <message>
            <source>How</source>
            <translation>签署方式</translation>
        </message>
        <message>
            <source>Signed on screen</source>
            <translation>屏幕签名</translation>
        </message>
        <message>
            <source>Signed on paper (attach the scan)</source>
            <translation>纸质签署（附扫描件）</translation>
        </message>
        <message>
            <source>Confirmed by e-mail (link the log entry)</source>
            <translation>邮件确认（关联沟通记录）</translation>
        </message>
        <message>
            <source>Refused to sign</source>
            <translation>拒绝签署</translation>
        </message>
        <message>
            <source>Signed on</source>
            <translation>签署日期</translation>
        </message>
        <message>
            <source>The day the client signed (or refused), not today's date if later</source>
            <translation>客户签署（或拒签）的日期；如晚于当天录入，不要填今天</translation>
        </message>
        <message>
            <source>Today: signed on screen now. Our block gets your name and place.</source>
            <translation>今天：现在屏幕签署。我方签署栏将填入您的姓名和地点。</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Signed by</source>
            <translation>签署人</translation>
        </message>
        <message>
            <source>A contact of the client who may sign; anyone else is refused</source>
            <translation>须为有签署权的客户联系人；其他人将被拒绝</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Say in the note what happened and why.</source>
            <translation>请在备注中写明经过和原因。</translation>
        </message>
        <message>
            <source>Signature</source>
            <translation>签名</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>No scan chosen.</source>
            <translation>尚未选择扫描件。</translation>
        </message>
        <message>
            <source>Choose scan…</source>
            <translation>选择扫描件…</translation>
        </message>
        <message>
            <source>Scan of the signed letter</source>
            <translation>已签署文件的扫描件</translation>
        </message>
        <message>
            <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
            <translation>扫描件 (*.pdf *.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>Sign on the pad first.</source>
            <translation>请先在签名板上签名。</translation>
        </message>
        <message>
            <source>The signed PDF needs the certificate's password.</source>
            <translation>签署后的 PDF 需要证书密码才能生成。</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>Signature pad</source>
            <translation>签名板</translation>
        </message>
        <message>
            <source>Sign here with the pen or the mouse</source>
            <translation>请用手写笔或鼠标在此签名</translation>
        </message>
    </context>
    <context>
        <name>SigningIdentity</name>
        <message>
            <source>Signing certificate</source>
            <translation>签名证书</translation>
        </message>
        <message>
            <source>Password of the signing certificate %1 (asked once per session):</source>
            <translation>签名证书 %1 的密码（每次运行只询问一次）：</translation>
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
    <context>
        <name>Startup</name>
        <message>
            <source>Open or create a DeliveryDesk database</source>
            <translation>打开或新建 DeliveryDesk 数据库</translation>
        </message>
        <message>
            <source>DeliveryDesk databases (*.db);;All files (*)</source>
            <translation>DeliveryDesk 数据库 （*.db）；；所有文件 (*)</translation>
        </message>
        <message>
            <source>Create an empty database</source>
            <translation>新建空数据库</translation>
        </message>
        <message>
            <source>Create a demo database</source>
            <translation>新建演示数据库</translation>
        </message>
        <message>
            <source>Restore the newest backup</source>
            <translation>恢复最新的备份</translation>
        </message>
        <message>
            <source>Open read-only</source>
            <translation>以只读方式打开</translation>
        </message>
        <message>
            <source>Choose another file…</source>
            <translation>选择其他文件…</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Welcome to DeliveryDesk</source>
            <translation>欢迎使用 DeliveryDesk</translation>
        </message>
        <message>
            <source>There is no DeliveryDesk database here yet. Start with an empty one, or with a demo database full of sample projects to look around.</source>
            <translation>这里还没有 DeliveryDesk 数据库。您可以从空数据库开始，也可以先用包含示例项目的演示数据库熟悉一下。</translation>
        </message>
        <message>
            <source>The database file is damaged. DeliveryDesk did not change it. You can restore the newest backup (the damaged file is kept beside it), or open another file.</source>
            <translation>数据库文件已损坏。DeliveryDesk 没有修改它。您可以恢复最新的备份（损坏的文件会保留在旁边），或打开其他文件。</translation>
        </message>
        <message>
            <source>The database file is damaged and no backup was found. DeliveryDesk did not change it. Open another file, or quit and ask for help with the damaged file.</source>
            <translation>数据库文件已损坏，且没有找到备份。DeliveryDesk 没有修改它。请打开其他文件，或退出并就损坏的文件寻求帮助。</translation>
        </message>
        <message>
            <source>The database is damaged</source>
            <translation>数据库已损坏</translation>
        </message>
        <message>
            <source>The database is in use</source>
            <translation>数据库正在使用中</translation>
        </message>
        <message>
            <source>Another DeliveryDesk window is using this database. Close it and try again, or open the database read-only to look without changing anything.</source>
            <translation>另一个 DeliveryDesk 窗口正在使用此数据库。请关闭它后重试，或以只读方式打开，仅查看而不做任何修改。</translation>
        </message>
        <message>
            <source>The database cannot be written</source>
            <translation>无法写入数据库</translation>
        </message>
        <message>
            <source>The database file or its folder is read-only. You can open it read-only to look at your records, or choose a file in a folder you can write to.</source>
            <translation>数据库文件或其所在文件夹是只读的。您可以以只读方式打开查看记录，或选择一个可写文件夹中的文件。</translation>
        </message>
        <message>
            <source>The database is from a newer DeliveryDesk</source>
            <translation>数据库来自更新版本的 DeliveryDesk</translation>
        </message>
        <message>
            <source>This database was written by a newer version of DeliveryDesk. Install that version to open it; this one leaves the file untouched.</source>
            <translation>此数据库由更新版本的 DeliveryDesk 写入。请安装该版本后再打开；当前版本不会改动这个文件。</translation>
        </message>
        <message>
            <source>This is not a DeliveryDesk database</source>
            <translation>这不是 DeliveryDesk 数据库</translation>
        </message>
        <message>
            <source>The file is not a DeliveryDesk database, so it was not opened or changed. Choose another file.</source>
            <translation>该文件不是 DeliveryDesk 数据库，因此没有打开或修改它。请选择其他文件。</translation>
        </message>
        <message>
            <source>The disk is full</source>
            <translation>磁盘已满</translation>
        </message>
        <message>
            <source>There is no space left to open the database safely. Free some space and try again, or open it read-only.</source>
            <translation>磁盘空间不足，无法安全地打开数据库。请释放一些空间后重试，或以只读方式打开。</translation>
        </message>
        <message>
            <source>The database cannot be opened</source>
            <translation>无法打开数据库</translation>
        </message>
        <message>
            <source>DeliveryDesk could not open the database. Try again, or choose another file.</source>
            <translation>DeliveryDesk 无法打开数据库。请重试，或选择其他文件。</translation>
        </message>
    </context>
    <context>
        <name>SummaryDialog</name>
        <message>
            <source>On track</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>有风险</translation>
        </message>
        <message>
            <source>Off track</source>
            <translation>严重偏离</translation>
        </message>
        <message>
            <source>Progress summary</source>
            <translation>进度报告</translation>
        </message>
        <message>
            <source>Period from</source>
            <translation>报告期间自</translation>
        </message>
        <message>
            <source>Period to</source>
            <translation>报告期间至</translation>
        </message>
        <message>
            <source>Overall status</source>
            <translation>总体状态</translation>
        </message>
        <message>
            <source>Status note</source>
            <translation>状态说明</translation>
        </message>
        <message>
            <source>Goal</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Steps done (one per line)</source>
            <translation>已完成（每行一项）</translation>
        </message>
        <message>
            <source>Current difficulties (one per line)</source>
            <translation>当前困难（每行一项）</translation>
        </message>
        <message>
            <source>Waiting on the client (one per line)</source>
            <translation>等待客户的事项（每行一项）</translation>
        </message>
        <message>
            <source>Next actions: action | owner | YYYY-MM-DD</source>
            <translation>下一步：事项 | 负责人 | YYYY-MM-DD</translation>
        </message>
        <message>
            <source>The period cannot end before it starts.</source>
            <translation>报告期间的结束日期不能早于开始日期。</translation>
        </message>
        <message>
            <source>Write dates as YYYY-MM-DD.</source>
            <translation>日期请写成 YYYY-MM-DD。</translation>
        </message>
    </context>
    <context>
        <name>WindowHost</name>
        <message>
            <source>The daily backup could not be taken: %1</source>
            <translation>未能完成每日备份：%1</translation>
        </message>
    </context>
</TS>
