<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <name>Punctuation</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
</TS>
