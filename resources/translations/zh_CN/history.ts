<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Currency of the cost limit</source>
        <translation>费用额度的币种</translation>
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
        <source>How it was signed</source>
        <translation>签署方式</translation>
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
        <source>Signer&apos;s title</source>
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
</TS>
