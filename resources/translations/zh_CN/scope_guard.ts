<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Client&apos;s view</source>
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
    <message>
        <source>Move milestones</source>
        <translation>调整里程碑</translation>
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
    <name>CaptureFlow</name>
    <message>
        <source>Saved %1 %2</source>
        <translation>已保存 %1 %2</translation>
    </message>
    <message>
        <source>triage %1</source>
        <translation>分级 %1</translation>
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
        <source>Client&apos;s view</source>
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
        <source>Decide the request: checked against your authority and the budgets (Ctrl+D)</source>
        <translation>对该请求作出决定：按您的授权额度和各项额度检查（Ctrl+D）</translation>
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
    <name>DecideDialog</name>
    <message>
        <source>Decide %1</source>
        <translation>决定 %1</translation>
    </message>
    <message>
        <source>Change request</source>
        <translation>变更请求</translation>
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
        <source>%1, decided by %2 on %3, is waiting for a manager&apos;s approval. Saving a new decision replaces it: the manager will no longer be asked.</source>
        <translation>%2 于 %3 作出的决定“%1”正在等待上级审批。保存新的决定将取代它：上级将不再收到审批请求。</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>待审批</translation>
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
        <source>Needs a manager&apos;s approval because:</source>
        <translation>需要上级审批，原因：</translation>
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
</TS>
