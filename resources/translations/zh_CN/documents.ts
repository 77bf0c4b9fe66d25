<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AssumptionsDialog</name>
    <message>
        <source>Expectation letter: assumptions</source>
        <translation>期望确认函：前提假设</translation>
    </message>
    <message>
        <source>This letter assumes that…</source>
        <translation>本函基于以下前提…</translation>
    </message>
    <message>
        <source>Assumptions (left out when empty)</source>
        <translation>前提假设（为空时不列出）</translation>
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
        <source>Issue a new version to have a copy to print. The client&apos;s copy can still be checked with &apos;deliverydesk verify&apos;. The letters are listed under Show Details.</source>
        <translation>如需可打印的副本，请发出新版本。客户手中的副本仍可用 &apos;deliverydesk verify&apos; 核验。函件清单见“显示详情”。</translation>
    </message>
    <message>
        <source>The copies of earlier letters could not be kept: %1</source>
        <translation>未能保存早先函件的副本：%1</translation>
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
        <source>Exporting %1</source>
        <translation>正在导出 %1</translation>
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
        <source>Translation…</source>
        <translation>译本…</translation>
    </message>
    <message>
        <source>Issue this version in the other language: the same version, its own fingerprint</source>
        <translation>以另一种语言签发此版本：同一版本，独立指纹</translation>
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
    <name>SealSummary</name>
    <message>
        <source>Decision: %1</source>
        <translation>决定：%1</translation>
    </message>
    <message>
        <source>Period %1</source>
        <translation>报告期间 %1</translation>
    </message>
    <message>
        <source>Expectations: %1 (%2)</source>
        <translation>期望：%1 项（%2）</translation>
    </message>
    <message>
        <source>Contracted deliverables: %1</source>
        <translation>合同约定的交付物：%1 项</translation>
    </message>
    <message>
        <source>Exclusions: %1 · client dependencies: %2 · assumptions: %3</source>
        <translation>不包含事项：%1 项 · 客户方依赖事项：%2 项 · 前提假设：%3 项</translation>
    </message>
    <message>
        <source>Effort (h): %1 · schedule impact (working days): %2</source>
        <translation>工作量（小时）：%1 · 进度影响（工作日）：%2</translation>
    </message>
    <message>
        <source>Steps done: %1 · difficulties: %2 · next actions: %3 · late items: %4</source>
        <translation>已完成：%1 项 · 当前困难：%2 项 · 下一步：%3 项 · 已延误：%4 项</translation>
    </message>
    <message>
        <source>Milestones: %1 · decisions waiting on the client: %2</source>
        <translation>里程碑：%1 个 · 待客户决定的事项：%2 项</translation>
    </message>
    <message>
        <source>Scope items: %1 · accepted: %2</source>
        <translation>范围条目：%1 项 · 已验收：%2 项</translation>
    </message>
    <message>
        <source>Documents handed over: %1 · trainings: %2 · risks: %3 · open items: %4</source>
        <translation>移交文档：%1 份 · 培训：%2 次 · 风险：%3 项 · 未完事项：%4 项</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>%1 version %2, in %3</source>
        <translation>%1 第 %2 版，%3</translation>
    </message>
    <message>
        <source>Issue this document?</source>
        <translation>签发此文件？</translation>
    </message>
    <message>
        <source>Issuing seals this content with a fingerprint and a digital seal: it can never change afterwards.</source>
        <translation>签发后，内容将以指纹和数字签章封存，此后永远不能更改。</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>签发</translation>
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
        <source>The day the client signed (or refused), not today&apos;s date if later</source>
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
        <source>%1 %2, version %3</source>
        <translation>%1 %2，第 %3 版</translation>
    </message>
    <message>
        <source>%1 (%2 translation)</source>
        <translation>%1（%2译本）</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Change request</source>
        <translation>变更请求</translation>
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
        <source>Record the refusal</source>
        <translation>记录拒签</translation>
    </message>
    <message>
        <source>Record signature</source>
        <translation>记录签字</translation>
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
        <source>The signed PDF needs the certificate&apos;s password.</source>
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
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>预计完成</translation>
    </message>
    <message>
        <source>Next actions</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Write what the action is on each row.</source>
        <translation>请在每一行写明事项。</translation>
    </message>
    <message>
        <source>The period cannot end before it starts.</source>
        <translation>报告期间的结束日期不能早于开始日期。</translation>
    </message>
</context>
</TS>
