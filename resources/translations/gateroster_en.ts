<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="94"/>
        <location filename="../../roster_app/gui/calendar_editor.py" line="101"/>
        <location filename="../../roster_app/gui/setup_models.py" line="248"/>
        <source>工作日</source>
        <translation>Workday</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="94"/>
        <location filename="../../roster_app/gui/calendar_editor.py" line="101"/>
        <location filename="../../roster_app/gui/setup_models.py" line="248"/>
        <source>休息日</source>
        <translation>Rest day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="97"/>
        <source>{name}，法定假日</source>
        <translation>{name}, public holiday</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="99"/>
        <source>调休上班</source>
        <translation>Adjusted working day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="102"/>
        <source>本社区改为{kind}（国家安排是{official}，再点一次恢复）</source>
        <translation>Changed here to {kind} (officially a {official}; click again to restore)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="106"/>
        <source>国家安排未知，暂按周一至周五上班</source>
        <translation>Official calendar unknown: Monday–Friday assumed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="151"/>
        <location filename="../../roster_app/gui/calendar_editor.py" line="155"/>
        <source>班</source>
        <translation>W</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="151"/>
        <location filename="../../roster_app/gui/calendar_editor.py" line="153"/>
        <source>休</source>
        <translation>R</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="50"/>
        <source>不开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="52"/>
        <source>{n} 人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="53"/>
        <source>{min}–{max} 人</source>
        <translation>{min}–{max} people</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="60"/>
        <source>党员 {n} 名</source>
        <translation>{n} party member(s)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="61"/>
        <source>{skill} {n} 名</source>
        <translation>{skill}: {n}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="69"/>
        <source>{n} 周（最近 {last}）</source>
        <translation>{n} week(s) (latest {last})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="128"/>
        <source>这些周的排班表用到本门岗：{weeks}</source>
        <translation>Rosters of these weeks use this gate: {weeks}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="167"/>
        <source>{h} 小时</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="249"/>
        <source>{gate} {slot}（{time}），{days}：{staffing}</source>
        <translation>{gate} {slot} ({time}), {days}: {staffing}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="252"/>
        <source>每岗要求：{needs}</source>
        <translation>Needs per post: {needs}</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/chart.py" line="74"/>
        <location filename="../../roster_app/reports/export.py" line="169"/>
        <source>每周服务时长（小时），按志愿者类别</source>
        <translation>Weekly service hours by kind of volunteer</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/chart.py" line="92"/>
        <source>所选时间内没有已发布排班表的服务记录</source>
        <translation>No service recorded in published rosters in this period</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="83"/>
        <source>无法写入文件 {path}：{error}</source>
        <translation>Cannot write the file {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="145"/>
        <source>{span}，{summary}，志愿者 {people} 人。</source>
        <translation>{span}: {summary}, {people} volunteers.</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="149"/>
        <source>导出日期：{date}。只计已发布的排班表。</source>
        <translation>Exported {date}. Only published rosters are counted.</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="151"/>
        <source>另有 {n} 周排班表尚未发布，未计入。</source>
        <translation>{n} more week(s) not published yet, not counted.</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="161"/>
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="161"/>
        <location filename="../../roster_app/reports/export.py" line="167"/>
        <location filename="../../roster_app/reports/service_hours.py" line="372"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="71"/>
        <source>{y}年{m}月{d}日</source>
        <translation>{y}-{m:02d}-{d:02d}</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="72"/>
        <source>{m}月{d}日</source>
        <translation>{m:02d}-{d:02d}</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="79"/>
        <source>{first}至{last}</source>
        <translation>{first} to {last}</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="303"/>
        <source>累计服务 {hours} 小时，{times} 人次</source>
        <translation>{hours} service hours, {times} person-times in all</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="309"/>
        <source>{span} 志愿者服务时长统计（按{grouping}）</source>
        <translation>Volunteer service hours {span} (by {grouping})</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="435"/>
        <source>合计（{n} 人）</source>
        <translation>Total ({n} people)</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/wechat_picture.py" line="205"/>
        <source>{gates}今日不开放。</source>
        <translation>{gates} closed today.</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/wechat_picture.py" line="215"/>
        <source>{m}月{d}日（{weekday}，{kind}）</source>
        <translation>{weekday} {m:02d}-{d:02d} ({kind})</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/wechat_picture.py" line="220"/>
        <source>{gate}值班表</source>
        <translation>{gate} duty roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="68"/>
        <source>{date}周</source>
        <translation>week {date}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="89"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="95"/>
        <location filename="../../roster_app/reports/wechat_picture.py" line="220"/>
        <source>门岗值班表</source>
        <translation>Gate duty roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="95"/>
        <location filename="../../roster_app/gui/export_menu.py" line="367"/>
        <source>排班表</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="95"/>
        <source>个人值班单</source>
        <translation>Personal slips</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="213"/>
        <source>打印(&amp;R)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="214"/>
        <source>打印预览(&amp;P)</source>
        <translation>Print &amp;preview</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="215"/>
        <source>导出 PDF(&amp;D)</source>
        <translation>Export P&amp;DF</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="220"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="221"/>
        <source>导出微信图片…</source>
        <translation>Export WeChat picture…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="222"/>
        <source>输出完整手机号</source>
        <translation>Full phone numbers</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="223"/>
        <source>不勾选时手机号隐去中间四位（138****1234）。勾选后门岗值班表和 Excel 显示完整号码；微信图片始终隐去</source>
        <translation>Unticked, phone numbers hide their middle four digits (138****1234). Ticked, gate sheets and Excel show full numbers; the WeChat picture always hides them</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="238"/>
        <source>输出将显示完整手机号，只供社区内部使用。</source>
        <translation>Output will show full phone numbers: for the community office only.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="238"/>
        <source>输出的手机号将隐去中间四位。</source>
        <translation>Output will hide the middle four digits of phone numbers.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="254"/>
        <source>{title}：{error}</source>
        <translation>{title}: {error}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="271"/>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="286"/>
        <source>还没有社区，没有可输出的排班表。</source>
        <translation>No community yet, so no roster to output.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="308"/>
        <location filename="../../roster_app/gui/export_menu.py" line="319"/>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="314"/>
        <source>已取消打印。</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="324"/>
        <source>已打印 {what}，共 {n} 页。</source>
        <translation>Printed {what}: {n} page(s).</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="336"/>
        <source>打印预览失败</source>
        <translation>Print preview failed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="341"/>
        <source>打印预览：{what}。在预览窗口里选打印机并打印。</source>
        <translation>Print preview: {what}. Choose the printer and print from the preview window.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="350"/>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="350"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="356"/>
        <source>导出 PDF 失败</source>
        <translation>PDF export failed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="358"/>
        <source>已导出 PDF（{n} 页）：{path}</source>
        <translation>Exported PDF ({n} pages): {path}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="367"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="367"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="373"/>
        <source>导出 Excel 失败</source>
        <translation>Excel export failed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="375"/>
        <source>已导出 Excel：{path}</source>
        <translation>Exported Excel: {path}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="385"/>
        <location filename="../../roster_app/gui/export_menu.py" line="405"/>
        <location filename="../../roster_app/gui/export_menu.py" line="421"/>
        <source>导出微信图片失败</source>
        <translation>WeChat picture export failed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="412"/>
        <source>排班图</source>
        <translation>Roster picture</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="413"/>
        <source>导出微信图片</source>
        <translation>Export WeChat picture</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="413"/>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="423"/>
        <source>已导出微信图片（{w}×{h}）：{path}</source>
        <translation>Exported WeChat picture ({w}×{h}): {path}</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/wechat_picture.py" line="247"/>
        <source>共 {people} 位志愿者，{times} 人次</source>
        <translation>{people} volunteers, {times} person-times</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/wechat_picture.py" line="248"/>
        <source>，缺岗 {n} 处，请大家帮忙补上</source>
        <translation>; {n} short post(s), please help fill them</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/wechat_picture.py" line="248"/>
        <source>，全部排满</source>
        <translation>; every post filled</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/wechat_picture.py" line="249"/>
        <source>。感谢每一位志愿者！</source>
        <translation>. Thank you, every volunteer!</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/wechat_picture.py" line="280"/>
        <source>{m}月{d}日 {weekday}</source>
        <translation>{weekday} {m:02d}-{d:02d}</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/wechat_picture.py" line="321"/>
        <source>（暂无人值班）</source>
        <translation>(nobody yet)</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/wechat_picture.py" line="374"/>
        <source>联系社区：{contact}</source>
        <translation>Community office: {contact}</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/wechat_picture.py" line="375"/>
        <source>电话号码已隐去中间四位。不能到岗请尽早告诉社区，以便安排顶岗。</source>
        <translation>Phone numbers have their middle four digits hidden. If you cannot come, tell the office early so someone can cover.</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/wechat_picture.py" line="376"/>
        <source>制表日期：{date}</source>
        <translation>Made on {date}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="419"/>
        <location filename="../../roster_app/reports/wechat_picture.py" line="458"/>
        <source>无法写入文件 {path}</source>
        <translation>Cannot write the file {path}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="121"/>
        <source>这天前后都不值班，少于本人要求的连续 {m} 天</source>
        <translation>would be a single day on duty, fewer than the {m} in a row they need</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="123"/>
        <source>排这班后两班之间只休 {n} 天，少于本人要求的 {m} 天</source>
        <translation>would leave only {n} day(s) off between posts, fewer than the {m} they need</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="125"/>
        <location filename="../../roster_app/gui/candidates_panel.py" line="147"/>
        <location filename="../../roster_app/gui/candidates_panel.py" line="159"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="132"/>
        <source>本人申请了这个班次</source>
        <translation>asked for this slot that day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="134"/>
        <location filename="../../roster_app/gui/candidates_panel.py" line="164"/>
        <source>本人申请这天这个班次不排</source>
        <translation>asked not to serve this slot that day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="136"/>
        <source>这天没有其他班次</source>
        <translation>no other shift that day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="137"/>
        <source>这天已有 {n} 个班次</source>
        <translation>{n} shift(s) that day already</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="139"/>
        <source>离前后一天的岗位只隔 {h} 小时</source>
        <translation>only {h} h from a post the day before or after</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="140"/>
        <source>本周 {h} 小时</source>
        <translation>{h} h this week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="142"/>
        <source>近期 {h} 小时</source>
        <translation>{h} h recently</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="144"/>
        <source>常站这个门岗</source>
        <translation>usually at this gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="145"/>
        <source>最合适：</source>
        <translation>Best fit: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="145"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="164"/>
        <source>没有申请这个班次（上一位申请了）</source>
        <translation>made no request (the one above asked for this slot)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="166"/>
        <source>这天已有 {n} 个班次（上一位 {m} 个）</source>
        <translation>{n} shift(s) that day already (the one above: {m})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="168"/>
        <source>离前后一天的岗位只隔 {h} 小时，休息不如上一位</source>
        <translation>only {h} h from a post the day before or after: less rest than the one above</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="170"/>
        <source>本周和近期共 {h} 小时，比上一位多 {more} 小时</source>
        <translation>{h} h this week and recently, {more} h more than the one above</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="173"/>
        <source>常站其他门岗</source>
        <translation>usually at another gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="173"/>
        <source>没有填常站门岗（上一位常站这里）</source>
        <translation>no usual gate given (the one above usually stands here)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="175"/>
        <source>偏好其他时段</source>
        <translation>prefers other slots</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="175"/>
        <source>没有填偏好时段（上一位偏好这个时段）</source>
        <translation>no preferred slot given (the one above prefers this slot)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="176"/>
        <source>条件与上一位相同</source>
        <translation>same as the one above</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="234"/>
        <source>本周已排小时（+ 之前已发布几周的小时）</source>
        <translation>Hours this week (+ hours of recent published weeks)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/edit_commands.py" line="77"/>
        <source>重做：</source>
        <translation>Redo: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/edit_commands.py" line="82"/>
        <source>撤销：</source>
        <translation>Undo: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/edit_commands.py" line="139"/>
        <source>安排 {name} 到 {post}</source>
        <translation>Assign {name} to {post}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/edit_commands.py" line="148"/>
        <source>从 {post} 移除 {name}</source>
        <translation>Remove {name} from {post}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/edit_commands.py" line="159"/>
        <source>把 {name} 从 {source} 调到 {target}</source>
        <translation>Move {name} from {source} to {target}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/edit_commands.py" line="177"/>
        <source>对调 {a}（{pa}）和 {b}（{pb}）</source>
        <translation>Swap {a} ({pa}) and {b} ({pb})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/edit_commands.py" line="190"/>
        <source>锁定 {name}（{post}）</source>
        <translation>Pin {name} ({post})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/edit_commands.py" line="190"/>
        <source>取消锁定 {name}（{post}）</source>
        <translation>Unpin {name} ({post})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="122"/>
        <location filename="../../roster_app/importing/template.py" line="91"/>
        <source>全天</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="125"/>
        <source>（未填）</source>
        <translation>(none given)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="226"/>
        <source>改：</source>
        <translation>Changes: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="229"/>
        <source>技能：</source>
        <translation>Skills: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="272"/>
        <source>整个文件</source>
        <translation>Whole file</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/problems_panel.py" line="62"/>
        <source>缺 {n} 人</source>
        <translation>{n} short</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/problems_panel.py" line="64"/>
        <source>缺岗：</source>
        <translation>Short post: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="182"/>
        <source>计入 {span} 的值班</source>
        <translation>Duties counted: {span}</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="100"/>
        <source>本社区的时段：{slots}。</source>
        <translation> This community&apos;s slots: {slots}.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="160"/>
        <location filename="../../roster_app/importing/template.py" line="230"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="161"/>
        <source>请从下拉列表中选择类别。</source>
        <translation>Choose a kind from the drop-down list.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="164"/>
        <source>双报到</source>
        <translation>Dual registration</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="164"/>
        <source>请填“是”或“否”。</source>
        <translation>Enter 是 (yes) or 否 (no).</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="167"/>
        <source>每周时长上限</source>
        <translation>Max hours a week</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="168"/>
        <source>请填 0 到 {max} 之间的小时数。</source>
        <translation>Enter a number of hours from 0 to {max}.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="171"/>
        <source>可值班时段</source>
        <translation>Available slots</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="172"/>
        <source>填时段名称，多个用“、”分隔：{slots}。“全天”=所有时段，空白=不能值班。</source>
        <translation>Slot names, several separated by “、”: {slots}. “全天” = every slot, blank = not available.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="175"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="175"/>
        <source>必填，一行一人。</source>
        <translation>Required; one person per row.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="192"/>
        <source>志愿者名单填写说明</source>
        <translation>How to fill in the volunteer list</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="202"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="202"/>
        <source>怎么填</source>
        <translation>How to fill it</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="202"/>
        <source>例子</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="223"/>
        <source>本社区的时段</source>
        <translation>This community&apos;s slots</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="168"/>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="168"/>
        <source>原来</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="168"/>
        <source>现在</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="168"/>
        <source>说明</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="186"/>
        <source>（空缺）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="191"/>
        <source>仍缺 {n} 人：{reason}</source>
        <translation>Still {n} short: {reason}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="192"/>
        <source>仍缺条件：{reason}</source>
        <translation>Need still unmet: {reason}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="123"/>
        <location filename="../../roster_app/gui/audit_panel.py" line="168"/>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="165"/>
        <source>本周排班表还没有修改记录。</source>
        <translation>No changes to this week&apos;s roster recorded yet.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="167"/>
        <source>本周共 {n} 条修改，操作人：{clerks}。</source>
        <translation>{n} change(s) this week, by: {clerks}.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../roster_app/gui/app.py" line="57"/>
        <source>数据库已损坏</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/app.py" line="58"/>
        <source>无法打开排班数据库：
{message}

有 {date} 的自动备份完好。要用这份备份继续吗？损坏的文件会改名保留在原处，不会删除；备份之后的改动需要重新录入。</source>
        <translation>Cannot open the roster database:
{message}

An intact automatic backup from {date} exists. Continue with this backup? The damaged file is renamed and kept where it is, not deleted; changes made after the backup must be entered again.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/app.py" line="89"/>
        <location filename="../../roster_app/gui/main_window.py" line="1367"/>
        <source>门岗排班</source>
        <translation>Gate Roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/app.py" line="106"/>
        <location filename="../../roster_app/gui/app.py" line="115"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/app.py" line="107"/>
        <source>无法打开排班数据库：
{message}</source>
        <translation>Cannot open the roster database:
{message}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/app.py" line="116"/>
        <source>备份也无法打开：
{message}</source>
        <translation>The backup cannot be opened either:
{message}</translation>
    </message>
</context>
<context>
    <name>AvailabilityGrid</name>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="54"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="55"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="56"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="57"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="58"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="59"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="60"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="120"/>
        <source>可值班时间</source>
        <translation>Availability</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="301"/>
        <source>可值班</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="301"/>
        <source>不可值班</source>
        <translation>Not available</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="302"/>
        <source>部分人可值班（不改则各人保持原样）</source>
        <translation>Some available (left as each person has it unless changed)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="304"/>
        <source>（在职：工作日这个时段不排班，只在休息日有效）</source>
        <translation>(employed: never rostered in this slot on workdays, applies on rest days only)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="307"/>
        <source>点击：这一天全选或全不选</source>
        <translation>Click: select all or none of this day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="309"/>
        <source>点击：这个时段一周全选或全不选</source>
        <translation>Click: select all or none of this slot for the week</translation>
    </message>
</context>
<context>
    <name>AwayDatesDialog</name>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="223"/>
        <source>请假/退出 — {name}</source>
        <translation>Away / dropping out — {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="226"/>
        <source>勾选 {name} 本周不能来的日子。确定后记为请假，并重新安排 TA 这些日子的岗位：其余安排不变，改动先给你过目，再决定接受还是放弃。</source>
        <translation>Tick the days {name} cannot come this week. They are entered as dates away and their posts on those days are re-planned: everything else stays, and you see the changes before you accept or reject them.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="242"/>
        <source>没有安排</source>
        <translation>Not rostered</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="243"/>
        <source>{date}：{duty}</source>
        <translation>{date}: {duty}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="246"/>
        <source>（已登记请假）</source>
        <translation>(already away)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="261"/>
        <source>记为请假并重新安排</source>
        <translation>Mark away and re-plan</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="262"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BulkAvailabilityDialog</name>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1064"/>
        <source>批量设置可值班时间</source>
        <translation>Set availability for several</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1065"/>
        <source>为 {names} 设置每周可值班时间。</source>
        <translation>Set the weekly availability of {names}.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1067"/>
        <source>绿色：所有人都可值班；白色：都不可；斜线：部分人可值班，不去点它就各人保持原样。点击或拖动改动的格子会统一设给所有人。</source>
        <translation>Green: everyone available; white: nobody; hatched: some are, and each keeps their own unless you click it. Cells you click or drag over are set the same for everyone.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1085"/>
        <source>应用到 {n} 人</source>
        <translation>Apply to {n} people</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1086"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1096"/>
        <source>尚未改动。</source>
        <translation>Nothing changed yet.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1097"/>
        <source>将统一设为可值班 {a} 格，不可值班 {r} 格。</source>
        <translation>{a} cell(s) will be set to available, {r} to not available, for everyone.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1105"/>
        <source>保存失败</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1105"/>
        <source>没有保存：
{message}</source>
        <translation>Nothing was saved:
{message}</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="40"/>
        <source>元旦</source>
        <translation>New Year&apos;s Day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="41"/>
        <source>春节</source>
        <translation>Spring Festival</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="42"/>
        <source>清明节</source>
        <translation>Qingming Festival</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="43"/>
        <source>劳动节</source>
        <translation>Labour Day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="44"/>
        <source>端午节</source>
        <translation>Dragon Boat Festival</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="45"/>
        <source>国庆节</source>
        <translation>National Day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="46"/>
        <source>中秋节</source>
        <translation>Mid-Autumn Festival</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="47"/>
        <source>抗战胜利纪念日</source>
        <translation>Victory Day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="122"/>
        <source>zh_CN</source>
        <translation>en_GB</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="196"/>
        <source>按国家法定节假日和调休安排区分工作日和休息日。点一下日期可以在工作日和休息日之间切换（例如通知来得晚的调休），再点一次恢复国家安排。</source>
        <translation>Workdays and rest days follow the official public holidays and adjusted working days. Click a date to switch it between workday and rest day (say, for a late notice); click again to restore the official calendar.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="205"/>
        <source>休 法定假日</source>
        <translation>R  public holiday</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="205"/>
        <source>班 调休上班</source>
        <translation>W  adjusted working day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="206"/>
        <source>蓝框 本社区调整</source>
        <translation>Blue frame  changed here</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="210"/>
        <location filename="../../roster_app/gui/calendar_editor.py" line="249"/>
        <location filename="../../roster_app/gui/calendar_editor.py" line="261"/>
        <source>休息日</source>
        <translation>Rest day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="214"/>
        <source>切换所选日期</source>
        <translation>Switch the selected date</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="248"/>
        <source>{date} 改为{kind}</source>
        <translation>{date} changed to {kind}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="249"/>
        <location filename="../../roster_app/gui/calendar_editor.py" line="261"/>
        <source>工作日</source>
        <translation>Workday</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="259"/>
        <source>{date} {weekday} 改为{kind}</source>
        <translation>{date} {weekday} changed to {kind}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="262"/>
        <source>本月本社区调整的日期：</source>
        <translation>Dates changed by this community this month: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="264"/>
        <source>本月没有本社区调整的日期。</source>
        <translation>No dates changed by this community this month.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/calendar_editor.py" line="269"/>
        <source>本软件还不知道 {year} 年的国家节假日安排，暂按周一至周五上班。请按国务院通知在这里逐日调整。</source>
        <translation>The official holidays of {year} are not known yet: Monday–Friday is assumed. Adjust the days here as the State Council announces them.</translation>
    </message>
</context>
<context>
    <name>CandidateListModel</name>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="44"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="45"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="46"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="47"/>
        <source>时长</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="48"/>
        <source>说明</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="60"/>
        <source>岗位这天不开放</source>
        <translation>the post is closed that day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="61"/>
        <source>这个时段不可值班</source>
        <translation>not available in this slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="62"/>
        <source>这天请假</source>
        <translation>away that day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="63"/>
        <source>在职人员，工作日 8 小时内不排班</source>
        <translation>employed: not rostered in working hours on workdays</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="64"/>
        <source>不在这个门岗值班</source>
        <translation>does not stand at this gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="65"/>
        <source>未成年人，不排这么晚的班次</source>
        <translation>minor: not rostered this late</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="66"/>
        <source>同一时间已在 {post}</source>
        <translation>already at {post} at that time</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="67"/>
        <source>这天已排满 {n} 个班次</source>
        <translation>already has {n} shift(s) that day, the most allowed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="68"/>
        <source>再排就超过本周时长上限 {n} 小时</source>
        <translation>would exceed the weekly cap of {n} h</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="69"/>
        <source>与 {post} 之间休息时间不足</source>
        <translation>too little rest after or before {post}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="70"/>
        <source>会连续值班超过 {n} 天</source>
        <translation>would serve more than {n} days in a row</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="71"/>
        <source>未成年人，须有成年人同岗</source>
        <translation>minor: needs an adult on the same post</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="72"/>
        <source>这个班次已排满本人上限 {n} 次</source>
        <translation>already has {n} shift(s) in this slot, their most</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="73"/>
        <source>再排就超过本期时长上限 {n} 小时</source>
        <translation>would exceed their cap of {n} h for the period</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="74"/>
        <source>已排满本人上限 {n} 个周末</source>
        <translation>already on duty on {n} weekend(s), their most</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="76"/>
        <source>紧接在 {post} 之后，这两个班次不能连排</source>
        <translation>may not directly follow {post} (a forbidden sequence of slots)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="80"/>
        <source>本人不排这个班次</source>
        <translation>never serves in this slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="81"/>
        <source>本人不在周末值班</source>
        <translation>does not serve on weekends</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="82"/>
        <source>会连续值班超过本人上限 {n} 天</source>
        <translation>would serve more than {n} days in a row, their own most</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="83"/>
        <source>紧接在 {post} 之前，这两个班次不能连排</source>
        <translation>may not directly precede {post} (a forbidden sequence of slots)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="84"/>
        <source>按排班规则不能排在这里</source>
        <translation>a rostering rule bars them from this post</translation>
    </message>
</context>
<context>
    <name>CandidatesPanel</name>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="296"/>
        <source>安排到这个岗位</source>
        <translation>Assign to this post</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="311"/>
        <source>在表中右击一个岗位，选“谁能顶这个岗？”，这里列出能来的人，最合适的在前。</source>
        <translation>Right-click a post in the roster and choose “Who can cover this post?”: the people who can come are listed here, best first.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="316"/>
        <source>&lt;b&gt;{post}&lt;/b&gt;&#x3000;已排 {present} / 最多 {max} 人，能来 {n} 人</source>
        <translation>&lt;b&gt;{post}&lt;/b&gt;  {present} of at most {max} assigned, {n} can come</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/candidates_panel.py" line="320"/>
        <source>&lt;br&gt;&lt;span style=&apos;color:#a11b1b&apos;&gt;岗位已满：先移除一人，再安排。&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#a11b1b&apos;&gt;The post is full: remove someone first.&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>ChangeLogModel</name>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="28"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="29"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="30"/>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="31"/>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="36"/>
        <source>安排 {name}</source>
        <translation>Assigned {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="37"/>
        <source>撤下 {name}</source>
        <translation>Removed {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="38"/>
        <source>锁定 {name}</source>
        <translation>Pinned {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="39"/>
        <source>解除锁定 {name}</source>
        <translation>Unpinned {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="40"/>
        <source>发布本周排班表</source>
        <translation>Published this week&apos;s roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="41"/>
        <source>重新打开本周排班表</source>
        <translation>Reopened this week&apos;s roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="44"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="44"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="45"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="45"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="46"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="46"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/audit_panel.py" line="47"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
</context>
<context>
    <name>CommunitySetupDialog</name>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="540"/>
        <location filename="../../roster_app/gui/community_setup.py" line="590"/>
        <source>社区设置 — {name}</source>
        <translation>Community set-up — {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="550"/>
        <source>门岗</source>
        <translation>Gates</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="551"/>
        <source>班次</source>
        <translation>Slots</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="552"/>
        <source>需求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="553"/>
        <source>规则</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="554"/>
        <source>班次衔接</source>
        <translation>Slot sequences</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="555"/>
        <source>日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="562"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="60"/>
        <source>数据库设置</source>
        <translation>Database settings</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="61"/>
        <source>本机文件（一位工作人员）</source>
        <translation>A file on this computer (one clerk)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="62"/>
        <source>服务器 PostgreSQL（街道多位工作人员共用）</source>
        <translation>A PostgreSQL server (shared by the street office&apos;s clerks)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="73"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="74"/>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="75"/>
        <source>数据库名</source>
        <translation>Database name</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="76"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="81"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="82"/>
        <source>不备份</source>
        <translation>No backups</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="85"/>
        <source>本机文件的自动备份保留</source>
        <translation>Keep automatic backups of the local file for</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="86"/>
        <source>密码不保存在本程序中：请按 PostgreSQL 的惯例写在 ~/.pgpass 文件里。更改在下次启动时生效。</source>
        <translation>The password is not stored by this program: put it in the ~/.pgpass file, as usual with PostgreSQL. Changes take effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="89"/>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="155"/>
        <source>连接成功。</source>
        <translation>Connected.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/database_dialog.py" line="158"/>
        <source>无法连接：{reason}</source>
        <translation>Cannot connect: {reason}</translation>
    </message>
</context>
<context>
    <name>DateExceptions</name>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="386"/>
        <source>zh_CN</source>
        <translation>en_GB</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="392"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="393"/>
        <source>连续 </source>
        <translation>for </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="394"/>
        <source>添加请假日期</source>
        <translation>Add dates away</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="399"/>
        <source>删除所选日期</source>
        <translation>Remove selected dates</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="402"/>
        <source>没有请假日期</source>
        <translation>No dates away</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="413"/>
        <source>请假 / 不能值班的日期：</source>
        <translation>Away / unavailable on:</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/availability_grid.py" line="458"/>
        <source>已过去的日期</source>
        <translation>Past date</translation>
    </message>
</context>
<context>
    <name>DatesAwayDialog</name>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1126"/>
        <source>登记请假</source>
        <translation>Dates away</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1127"/>
        <source>为 {names} 登记不能值班的日期（在日历上选日期后点“添加请假日期”）。</source>
        <translation>Enter the dates {names} cannot serve (pick a date in the calendar, then click “Add dates away”).</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1133"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1134"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1148"/>
        <source>保存失败</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1148"/>
        <source>没有保存：
{message}</source>
        <translation>Nothing was saved:
{message}</translation>
    </message>
</context>
<context>
    <name>DemandTab</name>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="131"/>
        <source>双击格子修改每个岗位需要的人数：最少–最多。最多为 0 即这个时段不开放。哪天是工作日按国家法定安排（含调休），可在“日历”里逐日调整。</source>
        <translation>Double-click a cell to set the people each post needs: min–max. A max of 0 closes the slot. Workdays follow the official calendar (adjusted working days included); change single days under “Calendar”.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="142"/>
        <location filename="../../roster_app/gui/demand_editor.py" line="172"/>
        <source>工作日</source>
        <translation>Workday</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="143"/>
        <location filename="../../roster_app/gui/demand_editor.py" line="172"/>
        <source>休息日</source>
        <translation>Rest day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="173"/>
        <source>{gate} {slot}（{days}）：</source>
        <translation>{gate} {slot} ({days}):</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="182"/>
        <source>已保存需求</source>
        <translation>Demand saved</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="187"/>
        <source>临时关闭岗位（某几天不开放）</source>
        <translation>Close posts for some days</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="196"/>
        <source>门岗</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="198"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="200"/>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="203"/>
        <source>时段</source>
        <translation>Slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="207"/>
        <source>关闭所选岗位</source>
        <translation>Close the selected posts</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="228"/>
        <source>已关闭或另定人数的日期</source>
        <translation>Dates closed or with their own numbers</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="230"/>
        <source>恢复开放</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="231"/>
        <source>所选日期重新按每周的需求安排</source>
        <translation>The selected dates follow the weekly demand again</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="260"/>
        <source>已关闭 {gate} 的 {n} 个岗位</source>
        <translation>Closed {n} post(s) at {gate}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="279"/>
        <source>已恢复 {n} 个岗位</source>
        <translation>Reopened {n} post(s)</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="49"/>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="50"/>
        <source>这是示例社区，门岗和志愿者都是虚构的，供熟悉软件使用。开始正式排班前请删除。</source>
        <translation>A sample community with made-up gates and volunteers, to get to know the program. Remove it before real rostering.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="52"/>
        <source>删除演示数据</source>
        <translation>Remove demo data</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="55"/>
        <source>新建本社区…</source>
        <translation>Create your community…</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="123"/>
        <source>还没有社区数据</source>
        <translation>No community yet</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="130"/>
        <source>可以先载入演示数据（玉带路社区：4 个门岗、38 名志愿者），看看一周的排班表是什么样子；
熟悉以后删除演示数据，再录入本社区的门岗和志愿者。</source>
        <translation>Load the demo data first (Yudai Road Community: 4 gates, 38 volunteers) to see what a week&apos;s roster looks like;
once familiar, remove it and enter your own community&apos;s gates and volunteers.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="134"/>
        <source>载入演示数据</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="137"/>
        <source>新建社区…</source>
        <translation>New community…</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="41"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="42"/>
        <source>数量</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="43"/>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="44"/>
        <source>代价</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="78"/>
        <source>方案说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="84"/>
        <source>这份排班表的各项代价，以及为什么这样排</source>
        <translation>What each part of this roster costs, and why it is as it is</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="88"/>
        <source>显示全部</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="89"/>
        <source>也列出数量为 0 的各项（灰色）</source>
        <translation>Also list the items with a count of 0 (grey)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="128"/>
        <source>每 1 个单位计多少代价</source>
        <translation>Cost of each unit</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="129"/>
        <source>数量 × 权重；各项相加就是方案的目标值</source>
        <translation>Count × weight; the items add up to the objective</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="181"/>
        <source>本周尚未排班：点“自动排班”后，这里说明方案的各项代价。</source>
        <translation>No roster this week yet: after “Auto-schedule”, the costs of the solution are explained here.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="183"/>
        <source>这份排班表没有记下各项代价（没有经过自动排班，或由较早的版本保存）。</source>
        <translation>This roster has no costs recorded (it was not auto-scheduled, or an older version saved it).</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="196"/>
        <source>已证明最优：没有总代价更小的方案。</source>
        <translation>Proven optimal: no solution costs less.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="199"/>
        <source>缺岗人数已证明最少；其余偏好未证明最优（下界 {bound}）。</source>
        <translation>Fewest short posts proven; the other preferences are not proven optimal (bound {bound}).</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="201"/>
        <source>未证明最优：总代价不会低于下界 {bound}。</source>
        <translation>Not proven optimal: the total cost cannot be below {bound}.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="212"/>
        <source>合计（目标值）</source>
        <translation>Total (objective)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="224"/>
        <source>各项代价之和（包括没有列出的 0 项）</source>
        <translation>Sum of all costs (including items of 0 not listed)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="233"/>
        <source>优先</source>
        <translation>First</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="238"/>
        <source>优先于其余各项：求解器把它的权重（{w}）定得足够大，其余各项加起来也抵不过它的 1 个单位</source>
        <translation>Comes before everything else: its weight ({w}) is set so large that all other items together do not outweigh one unit of it</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="240"/>
        <source>每 1 个单位计 {w}</source>
        <translation>{w} per unit</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="257"/>
        <source>双报到党员未达最少班次（{n} 人）</source>
        <translation>Dual-registered members below their minimum ({n})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="261"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;&#x3000;已排 {served} / 应排 {required} 班</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;  {served} of {required} shifts</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="269"/>
        <source>双报到党员</source>
        <translation>Dual-registered party members</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/explanation.py" line="271"/>
        <source>都已排够每人最少 {n} 班。</source>
        <translation>All have their minimum of {n} shift(s).</translation>
    </message>
</context>
<context>
    <name>GatesTab</name>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="108"/>
        <source>新门岗名称，如“菜市场口”</source>
        <translation>New gate&apos;s name, e.g. “Market gate”</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="109"/>
        <source>新增门岗</source>
        <translation>Add gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="121"/>
        <source>左移（上移）</source>
        <translation>Move left (up)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="122"/>
        <source>右移（下移）</source>
        <translation>Move right (down)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="123"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="124"/>
        <source>清空这个门岗的需求，所有时段都不开放；以前的排班表保留</source>
        <translation>Clear this gate&apos;s demand so it is closed in every slot; past rosters are kept</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="125"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="133"/>
        <source>门岗的顺序就是排班表上从左到右（从上到下）的顺序。</source>
        <translation>Gates appear on the roster in this order, left to right (top to bottom).</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="138"/>
        <source>所选门岗</source>
        <translation>Selected gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="144"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="146"/>
        <source>每个开放的岗位至少要有</source>
        <translation>Every open post needs at least</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="149"/>
        <location filename="../../roster_app/gui/community_setup.py" line="155"/>
        <source> 名</source>
        <translation> per post</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="150"/>
        <source>党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="160"/>
        <source>例如东门设“党员先锋岗”：每岗至少 1 名党员。要求不能超过岗位的最少人数。</source>
        <translation>E.g. a “party vanguard post” at the east gate: at least 1 party member per post. Needs cannot exceed a post&apos;s minimum.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="161"/>
        <source>保存门岗</source>
        <translation>Save gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="195"/>
        <source>排班表用到这个门岗，不能删除；可以停用</source>
        <translation>Rosters use this gate, so it cannot be deleted; deactivate it instead</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="195"/>
        <source>删除这个门岗和它的需求</source>
        <translation>Delete this gate and its demand</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="207"/>
        <source>已新增门岗“{name}”，请在“需求”里设定各时段的人数</source>
        <translation>Added the gate “{name}”; set the people per slot under “Demand”</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="224"/>
        <source>停用门岗</source>
        <translation>Deactivate gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="225"/>
        <source>停用“{name}”？它的所有时段都将不开放，需求要重新设定才能再开。以前的排班表保留。</source>
        <translation>Deactivate “{name}”? It will be closed in every slot until its demand is set again. Past rosters are kept.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="231"/>
        <source>已停用“{name}”</source>
        <translation>Deactivated “{name}”</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="239"/>
        <source>删除门岗</source>
        <translation>Delete gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="240"/>
        <source>删除“{name}”和它的需求？</source>
        <translation>Delete “{name}” and its demand?</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="245"/>
        <source>已删除“{name}”</source>
        <translation>Deleted “{name}”</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="285"/>
        <source>已保存门岗“{name}”</source>
        <translation>Saved the gate “{name}”</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="77"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="78"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="79"/>
        <source>无变化</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="82"/>
        <location filename="../../roster_app/gui/import_dialog.py" line="134"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="83"/>
        <location filename="../../roster_app/gui/import_dialog.py" line="134"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="84"/>
        <location filename="../../roster_app/gui/import_dialog.py" line="135"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="85"/>
        <source>党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="86"/>
        <source>在职</source>
        <translation>Employed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="87"/>
        <source>未成年</source>
        <translation>Minor</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="88"/>
        <location filename="../../roster_app/gui/import_dialog.py" line="135"/>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="89"/>
        <location filename="../../roster_app/gui/import_dialog.py" line="136"/>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="90"/>
        <source>技能</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="91"/>
        <source>每周时长上限</source>
        <translation>Max hours a week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="92"/>
        <source>双报到</source>
        <translation>Dual registration</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="93"/>
        <location filename="../../roster_app/gui/import_dialog.py" line="136"/>
        <source>可值班时间</source>
        <translation>Availability</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="94"/>
        <source>恢复启用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="97"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="97"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="98"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="98"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="99"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="99"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="100"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="133"/>
        <location filename="../../roster_app/gui/import_dialog.py" line="237"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="133"/>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="137"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="237"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="238"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>ImportProblems</name>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="22"/>
        <source>无法打开文件：{reason}</source>
        <translation>Cannot open the file: {reason}</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="24"/>
        <source>文件正被其他程序占用，请在 Excel/WPS 中保存并关闭后再试。</source>
        <translation>Another program is using the file: save and close it in Excel/WPS, then try again.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="26"/>
        <source>文件是空的。</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="27"/>
        <source>文件太大（{size} MB），不像是一份志愿者名单。</source>
        <translation>The file is too big ({size} MB) to be a volunteer list.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="29"/>
        <source>这是旧版 Excel（.xls）或 WPS（.et）格式：请在 Excel/WPS 中“另存为” .xlsx 或 .csv 后再导入。</source>
        <translation>This is an old Excel (.xls) or WPS (.et) file: “Save As” .xlsx or .csv in Excel/WPS, then import that.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="32"/>
        <source>文件已损坏，或不是 Excel 表格（.xlsx），无法读取。</source>
        <translation>The file is damaged or not an Excel workbook (.xlsx) and cannot be read.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="34"/>
        <source>这不是表格文件：既不是 Excel（.xlsx），也不是 CSV 文本。</source>
        <translation>This is not a spreadsheet: neither Excel (.xlsx) nor CSV text.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="36"/>
        <source>无法识别文件的文字编码（支持 UTF-8 和 GB18030/GBK）。</source>
        <translation>Unknown text encoding (UTF-8 and GB18030/GBK are supported).</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="38"/>
        <source>CSV 文件格式有误，无法读取：{reason}</source>
        <translation>The CSV file is malformed and cannot be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="40"/>
        <source>找不到表头：表格中应有一行列名，至少有“姓名”和“类别”（可点“下载模板”获取模板）。</source>
        <translation>No header row: the sheet needs a row of column names with at least “姓名” (name) and “类别” (kind) (“Download template…” gives you one).</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="43"/>
        <source>缺少“{column}”列。</source>
        <translation>The “{column}” column is missing.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="44"/>
        <source>“{column}”列出现了两次（{first} 列和 {second} 列）。</source>
        <translation>The “{column}” column appears twice (columns {first} and {second}).</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="46"/>
        <source>表头下面没有任何志愿者。</source>
        <translation>There are no volunteers below the header row.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="47"/>
        <source>行数太多（超过 {limit} 行），请分成几个文件导入。</source>
        <translation>Too many rows (more than {limit}): split the list into several files.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="49"/>
        <source>不认识“{column}”列，已忽略。</source>
        <translation>Unknown column “{column}”, ignored.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="51"/>
        <source>读取文件之后名册有了变动（可能在别的窗口修改过），没有导入。请点“重新读取”。</source>
        <translation>The register changed after the file was read (perhaps in another window); nothing was imported. Click “Read again”.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="54"/>
        <source>保存失败，没有导入任何人：{reason}</source>
        <translation>Saving failed, nobody was imported: {reason}</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="57"/>
        <source>姓名为空。</source>
        <translation>The name is empty.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="58"/>
        <source>太长了（最多 {limit} 个字）。</source>
        <translation>Too long (at most {limit} characters).</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="60"/>
        <source>“{value}”不是 11 位手机号（1 开头，第二位是 3–9），也可以不填。</source>
        <translation>“{value}” is not an 11-digit mobile number (starting 1, then 3–9); it may be left blank.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="62"/>
        <source>类别为空，请填写：{choices}。</source>
        <translation>The kind is empty; enter one of: {choices}.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="64"/>
        <source>没有“{value}”这个类别，可填：{choices}。</source>
        <translation>There is no kind “{value}”; enter one of: {choices}.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="66"/>
        <source>“{value}”不是数字，请填小时数，如 8。</source>
        <translation>“{value}” is not a number: enter hours, e.g. 8.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="68"/>
        <source>每周时长上限应在 0 到 {limit} 小时之间，这里是 {value}。</source>
        <translation>The weekly cap must be 0 to {limit} hours; here it is {value}.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="70"/>
        <source>“{value}”看不懂，请填“是”或“否”。</source>
        <translation>“{value}” is not understood: enter 是 (yes) or 否 (no).</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="72"/>
        <source>没有“{value}”这个时段。本社区的时段：{choices}；多个用“、”分隔，“全天”表示所有时段。</source>
        <translation>There is no slot “{value}”. This community&apos;s slots: {choices}; separate several with “、”; “全天” means every slot.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="75"/>
        <source>与第 {other} 行重复（姓名和手机号都相同）。</source>
        <translation>Same as row {other} (same name and mobile).</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="77"/>
        <source>与第 {other} 行同名，其中一行没填手机号，分不清是不是同一个人：请填写手机号。</source>
        <translation>Same name as row {other} and one of them has no mobile, so it is unclear whether they are the same person: enter the mobile.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="80"/>
        <source>与第 {other} 行对应名册中的同一个人 {name}（编号 {code}）。</source>
        <translation>Row {other} is the same person in the register: {name} (code {code}).</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="82"/>
        <source>名册中已有同名的 {name}（{who}），分不清是不是同一个人：请填写手机号——与名册中的相同则更新此人，不同则作为新人添加。</source>
        <translation>The register already has a {name} ({who}) and it is unclear whether this is the same person: enter the mobile. If it matches the register, that person is updated; if not, a new person is added.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="86"/>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="88"/>
        <source>名册里已有同名的 {name}（{where}编号 {other}），手机号不同，将作为新人添加。</source>
        <translation>The register already has a {name} ({where}code {other}) with another mobile; this one is added as a new person.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="91"/>
        <source>名册里的 {name}（编号 {other}）登记了同一个手机号。</source>
        <translation>{name} (code {other}) in the register has the same mobile.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="93"/>
        <source>与第 {other} 行同名（手机号不同），将作为两个人导入。</source>
        <translation>Same name as row {other} (different mobile): imported as two people.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="95"/>
        <source>与第 {other} 行的手机号相同。</source>
        <translation>Same mobile as row {other}.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="97"/>
        <source>没有填任何可值班时段，排班时不会排到此人。</source>
        <translation>No available slots given: this person will not be rostered.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="99"/>
        <source>“{value}”是名册中还没有的技能，将照原样记下。</source>
        <translation>“{value}” is a skill the register does not have yet; it is recorded as written.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="101"/>
        <source>此人在名册中已停用，导入后恢复启用。</source>
        <translation>This person is deactivated in the register and will be reactivated.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="145"/>
        <source>第 {line} 行</source>
        <translation>Row {line}</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="147"/>
        <source>{letter} 列（{column}）</source>
        <translation>Column {letter} ({column})</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/problems.py" line="150"/>
        <source>“{column}”列</source>
        <translation>Column “{column}”</translation>
    </message>
</context>
<context>
    <name>ImportTemplate</name>
    <message>
        <location filename="../../roster_app/importing/template.py" line="50"/>
        <source>必填。一行一人。</source>
        <translation>Required. One person per row.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="51"/>
        <source>11 位手机号，可不填。姓名和手机号都与名册中相同的人会被更新，不会重复添加。</source>
        <translation>11-digit mobile number, optional. A person with the same name and mobile as in the register is updated, not added twice.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="53"/>
        <source>必填，从下拉列表中选择：{kinds}。</source>
        <translation>Required; choose from the drop-down list: {kinds}.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="54"/>
        <source>所住楼栋，可不填。</source>
        <translation>Building lived in, optional.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="55"/>
        <source>所属网格，可不填。</source>
        <translation>Grid, optional.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="56"/>
        <source>可不填，多个用“、”分隔：外语翻译、医疗、心理疏导……</source>
        <translation>Optional; separate several with “、”: 外语翻译 (translation), 医疗 (medical), 心理疏导 (counselling)…</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="57"/>
        <source>每周最多值班几小时（0–{max}），不填则按社区的默认上限。</source>
        <translation>Most hours a week on duty (0–{max}); blank means the community&apos;s default cap.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="58"/>
        <source>是/否。在职党员和下沉干部不填时按“是”。</source>
        <translation>是 (yes) / 否 (no). Blank means 是 for employed party members and seconded cadres.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="60"/>
        <source>当天可以值班的时段，多个用“、”分隔；“全天”表示所有时段；空白表示这天不能值班。</source>
        <translation>Slots the person can serve that day, several separated by “、”; “全天” means every slot; blank means not available that day.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="63"/>
        <source>在“志愿者名单”工作表中从第 2 行起填写，一行一人；第 1 行的列名不要改动。</source>
        <translation>Fill in the “志愿者名单” sheet from row 2, one person per row; do not change the column names in row 1.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="64"/>
        <source>导入时会检查每一行，有任何错误都不会导入，并列出每个错误所在的行和列，改正后重新读取即可。</source>
        <translation>Every row is checked on import; if there is any error nothing is imported and each error is listed with its row and column. Fix them and read the file again.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="65"/>
        <source>已在名册中的人（姓名和手机号相同）会按表格更新；表格中的空白格不会清除名册中已有的信息。</source>
        <translation>People already in the register (same name and mobile) are updated from the sheet; blank cells do not clear what the register has.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="66"/>
        <source>周一至周日七列是每周的可值班时间：七列全空则保留名册中原有的时间。</source>
        <translation>The seven columns 周一–周日 (Mon–Sun) are the weekly availability: if all seven are blank, the register&apos;s availability is kept.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="68"/>
        <source>在职党员在工作日只排 8 小时以外的时段（{slots}），休息日可排任何时段。</source>
        <translation>Employed party members serve only outside working hours on workdays ({slots}); on rest days, any slot.</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="70"/>
        <source>有工作的党员（双报到），工作日只在 8 小时以外值班</source>
        <translation>Party members with a job (dual registration); on workdays only outside working hours</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="71"/>
        <source>退休、无业的党员，工作时间可以值班</source>
        <translation>Retired or jobless party members; can serve in working hours</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="72"/>
        <source>下沉到社区的机关干部</source>
        <translation>Government cadres seconded to the community</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="73"/>
        <source>社区居委会的工作人员</source>
        <translation>Staff of the residents&apos; committee</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="74"/>
        <source>普通居民志愿者</source>
        <translation>Resident volunteers</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="75"/>
        <source>青年志愿者、大学生</source>
        <translation>Young volunteers, students</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="76"/>
        <source>未成年人，不会安排单独值班</source>
        <translation>Minors, never rostered alone</translation>
    </message>
    <message>
        <location filename="../../roster_app/importing/template.py" line="77"/>
        <source>社工</source>
        <translation>Social worker</translation>
    </message>
</context>
<context>
    <name>ImportVolunteersDialog</name>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="327"/>
        <source>从 Excel 导入志愿者</source>
        <translation>Import volunteers from Excel</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="331"/>
        <source>选择填好的 Excel（.xlsx）或 CSV 文件，也可以把文件拖到这里。第一次用请先下载模板，按模板的列填写，每行一人。</source>
        <translation>Choose a filled-in Excel (.xlsx) or CSV file, or drop it here. The first time, download the template and fill in its columns, one person per row.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="334"/>
        <source>尚未选择文件</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="337"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="338"/>
        <source>重新读取</source>
        <translation>Read again</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="339"/>
        <source>在 Excel 中改正并保存后，点这里再读一遍同一个文件</source>
        <translation>After fixing and saving in Excel, click here to read the same file again</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="341"/>
        <source>下载模板…</source>
        <translation>Download template…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="342"/>
        <source>保存一份带中文列名和填写说明的空白名单</source>
        <translation>Save a blank list with the Chinese column names and instructions</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="359"/>
        <source>读取后，这里列出每一行要做什么；有问题的行会连同行号和列一起列出。</source>
        <translation>Once read, this lists what will happen to each row; problems are listed with their row and column.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="369"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="371"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="396"/>
        <source>选择志愿者名单</source>
        <translation>Choose the volunteer list</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="397"/>
        <source>表格文件 (*.xlsx *.csv *.txt);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="419"/>
        <source>无法读取名册：{message}</source>
        <translation>Cannot read the register: {message}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="436"/>
        <source>新增 &lt;b&gt;{new}&lt;/b&gt; 人，更新 &lt;b&gt;{updated}&lt;/b&gt; 人，无变化 {same} 人</source>
        <translation>&lt;b&gt;{new}&lt;/b&gt; new, &lt;b&gt;{updated}&lt;/b&gt; updated, {same} unchanged</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="439"/>
        <source>；另有 {n} 条提示（橙色，不影响导入）</source>
        <translation>; {n} note(s) (orange, they do not stop the import)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="441"/>
        <source>读取成功，可以导入：</source>
        <translation>Read, ready to import: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="441"/>
        <source>。核对无误后点“导入”。</source>
        <translation>. Check it, then click “Import”.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="443"/>
        <source>读取成功，但名单与名册完全相同，没有要导入的内容（</source>
        <translation>Read, but the list matches the register exactly: nothing to import (</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="443"/>
        <source>）。</source>
        <translation>).</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="456"/>
        <source>发现 {n} 处问题（涉及 {rows} 行），没有导入任何人。请在 Excel 中按下表改正并保存，再点“重新读取”。</source>
        <translation>{n} problem(s) in {rows} row(s); nobody was imported. Fix them in Excel as listed below, save, then click “Read again”.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="459"/>
        <source>无法读取这个文件，没有导入任何人。</source>
        <translation>This file cannot be read; nobody was imported.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="486"/>
        <source>志愿者名单模板.xlsx</source>
        <translation>volunteer-list-template.xlsx</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="487"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="487"/>
        <source>CSV 文件，UTF-8 (*.csv)</source>
        <translation>CSV file, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="488"/>
        <source>保存模板</source>
        <translation>Save template</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="504"/>
        <source>模板没有保存：{reason}</source>
        <translation>The template was not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/import_dialog.py" line="507"/>
        <source>模板已保存：{path}</source>
        <translation>Template saved: {path}</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="41"/>
        <source>在职党员</source>
        <translation>Employed party member</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="42"/>
        <source>无职党员</source>
        <translation>Non-employed party member</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="43"/>
        <source>下沉干部</source>
        <translation>Seconded cadre</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="44"/>
        <source>社区工作者</source>
        <translation>Community worker</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="45"/>
        <source>群众</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="46"/>
        <source>青年志愿者</source>
        <translation>Youth</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="47"/>
        <source>新时代好少年</source>
        <translation>Minor</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="48"/>
        <source>社工</source>
        <translation>Social worker</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="51"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="67"/>
        <source>外语翻译</source>
        <translation>Translation</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="68"/>
        <source>医疗</source>
        <translation>Medical</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="69"/>
        <source>心理疏导</source>
        <translation>Counselling</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="70"/>
        <source>体温检测</source>
        <translation>Temperature checks</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="71"/>
        <source>消毒</source>
        <translation>Disinfection</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/kinds.py" line="72"/>
        <source>登记</source>
        <translation>Registration</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="93"/>
        <source>图例：</source>
        <translation>Key:</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="100"/>
        <source>锁定</source>
        <translation>Pinned</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="102"/>
        <source>缺岗</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="103"/>
        <source>不开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/widgets.py" line="104"/>
        <source>休息日</source>
        <translation>Rest day</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="256"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="258"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="259"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="329"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="331"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="260"/>
        <source>移除所选的人</source>
        <translation>Remove the chosen person</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="261"/>
        <source>锁定 / 取消锁定所选的人</source>
        <translation>Pin / unpin the chosen person</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="262"/>
        <location filename="../../roster_app/gui/main_window.py" line="1132"/>
        <source>谁能顶这个岗？</source>
        <translation>Who can cover this post?</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="263"/>
        <source>排班(&amp;R)</source>
        <translation>&amp;Roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="264"/>
        <location filename="../../roster_app/gui/main_window.py" line="290"/>
        <location filename="../../roster_app/gui/main_window.py" line="1652"/>
        <source>自动排班</source>
        <translation>Auto-schedule</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="265"/>
        <location filename="../../roster_app/gui/main_window.py" line="1424"/>
        <source>复制上周排班</source>
        <translation>Copy last week&apos;s roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="268"/>
        <source>发布本周排班表</source>
        <translation>Publish this week&apos;s roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="269"/>
        <source>重新打开本周（允许修改）</source>
        <translation>Reopen this week (allow changes)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="270"/>
        <source>上一周</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="270"/>
        <location filename="../../roster_app/gui/main_window.py" line="286"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="270"/>
        <source>下一周</source>
        <translation>Next week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="282"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="283"/>
        <location filename="../../roster_app/gui/main_window.py" line="1723"/>
        <source>关于门岗排班</source>
        <translation>About Gate Roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="302"/>
        <source>注意事项</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="285"/>
        <source>◀ 上一周</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="287"/>
        <source>下一周 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="288"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="289"/>
        <source>停止求解，保留目前找到的最好方案</source>
        <translation>Stop solving and keep the best solution found so far</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="291"/>
        <source>按门岗需求、志愿者可值班时间和党员规则，自动排出本周的值班表（F5）</source>
        <translation>Build this week&apos;s roster from the gates&apos; demand, the volunteers&apos; availability and the party-member rule (F5)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="292"/>
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="294"/>
        <source>本周排班表已发布（已张贴、已发到志愿者群），不能修改；要修改请先“重新打开”。</source>
        <translation>This week&apos;s roster is published (posted at the gates, sent to the volunteers&apos; group) and cannot be changed; “Reopen” it first.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="295"/>
        <source>复制上周</source>
        <translation>Copy last week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="296"/>
        <source>把上周的排班表复制为本周的起点；不再符合规则的安排不复制（可撤销）</source>
        <translation>Start this week from last week&apos;s roster; assignments that break a rule now are left out (can be undone)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="878"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="301"/>
        <source>发布本周排班表：张贴、发群以后不再改动，直到重新打开</source>
        <translation>Publish this week&apos;s roster: once posted and sent to the group it stays unchanged until reopened</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="266"/>
        <source>请假/退出…（所选的人）</source>
        <translation>Away / dropping out… (chosen person)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="267"/>
        <source>某人不能来：记为请假，用最少的改动重新安排 TA 的岗位</source>
        <translation>Someone cannot come: mark them away and re-plan their posts with the fewest changes</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="272"/>
        <source>数据(&amp;D)</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="273"/>
        <source>志愿者名册…</source>
        <translation>Volunteer register…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="274"/>
        <source>导入志愿者…</source>
        <translation>Import volunteers…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="275"/>
        <source>社区设置…</source>
        <translation>Community set-up…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="276"/>
        <source>新建社区…</source>
        <translation>New community…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="277"/>
        <source>统计(&amp;S)</source>
        <translation>&amp;Statistics</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="278"/>
        <source>服务统计…</source>
        <translation>Service report…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="279"/>
        <source>设置(&amp;T)</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="280"/>
        <source>语言 Language</source>
        <translation>Language 语言</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="281"/>
        <source>数据库…</source>
        <translation>Database…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="297"/>
        <location filename="../../roster_app/gui/main_window.py" line="300"/>
        <source>照本周排下一周</source>
        <translation>Next week like this one</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="299"/>
        <source>转到下一周，并把本周的排班表复制过去作为起点（下一周还没有排班时；可撤销）</source>
        <translation>Go to next week and copy this week&apos;s roster there as a start (when next week has no roster yet; can be undone)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="303"/>
        <location filename="../../roster_app/gui/main_window.py" line="794"/>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="303"/>
        <source>谁能顶岗</source>
        <translation>Who can cover</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="304"/>
        <source>方案说明</source>
        <translation>Costs</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="304"/>
        <source>发布记录</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="305"/>
        <source>修改记录</source>
        <translation>Change log</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="651"/>
        <location filename="../../roster_app/gui/main_window.py" line="784"/>
        <source>读取数据失败</source>
        <translation>Cannot read the data</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="667"/>
        <source>（演示）</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="681"/>
        <source>正在自动排班，结束后再切换社区。</source>
        <translation>Auto-scheduling is running; switch community when it has finished.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="691"/>
        <source>当前社区：{name}</source>
        <translation>Community: {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="696"/>
        <source>未设置社区</source>
        <translation>No community set up</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="697"/>
        <source>门岗排班 — {name}</source>
        <translation>Gate Roster — {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="702"/>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="704"/>
        <source>（本周）</source>
        <translation> (this week)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="794"/>
        <source>问题 ({n})</source>
        <translation>Problems ({n})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="803"/>
        <source>志愿者</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="807"/>
        <source>志愿者 {n} 人 · 本周 {pt} 人次、{h} 小时</source>
        <translation>{n} volunteers · this week {pt} person-times, {h} h</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="813"/>
        <source>本周开放岗位 {open} 个，尚未排班。点“自动排班”生成本周值班表。</source>
        <translation>{open} open posts this week, not rostered yet. Click “Auto-schedule” to build the week&apos;s roster.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="816"/>
        <source>岗位 {open} 个：已排满 &lt;b&gt;{filled}&lt;/b&gt; 个</source>
        <translation>{open} posts: &lt;b&gt;{filled}&lt;/b&gt; filled</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="818"/>
        <source>，&lt;span style=&apos;color:#a11b1b&apos;&gt;&lt;b&gt;缺岗 {short} 个&lt;/b&gt;（共缺 {missing} 人次）&lt;/span&gt;</source>
        <translation>, &lt;span style=&apos;color:#a11b1b&apos;&gt;&lt;b&gt;{short} short&lt;/b&gt; ({missing} person-times missing)&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="822"/>
        <source>，无缺岗</source>
        <translation>, none short</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="823"/>
        <source>；共排 {pt} 人次、{h} 小时。</source>
        <translation>; {pt} person-times, {h} h in all.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="826"/>
        <source>缺岗已证明最少，偏好未证明最优</source>
        <translation>fewest short posts proven, preferences not proven optimal</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="828"/>
        <source>手工调整</source>
        <translation>edited by hand</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="829"/>
        <source>方案：{status}</source>
        <translation>Solution: {status}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="831"/>
        <source>&#x3000;&lt;span style=&apos;color:#d9480f&apos;&gt;&lt;b&gt;违反规则 {n} 处&lt;/b&gt;（见右侧“问题”）&lt;/span&gt;</source>
        <translation>  &lt;span style=&apos;color:#d9480f&apos;&gt;&lt;b&gt;{n} rule(s) broken&lt;/b&gt; (see “Problems” on the right)&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="834"/>
        <source>&lt;b&gt;已发布&lt;/b&gt;，不能修改</source>
        <translation>&lt;b&gt;Published&lt;/b&gt;, read-only</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="848"/>
        <source>冲突：</source>
        <translation>Conflict: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="852"/>
        <source>提示：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="878"/>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="928"/>
        <location filename="../../roster_app/gui/main_window.py" line="1199"/>
        <source>本周排班表已发布，不能修改；要修改请先“重新打开”。</source>
        <translation>This week&apos;s roster is published and cannot be changed; “Reopen” it first.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="950"/>
        <source>另一位工作人员</source>
        <translation>Another clerk</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="965"/>
        <location filename="../../roster_app/gui/main_window.py" line="977"/>
        <source>别人刚修改了这一周</source>
        <translation>Someone else just changed this week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="958"/>
        <source>修改没有保存：{error}</source>
        <translation>The change was not saved: {error}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="952"/>
        <source>{who} {when} 修改了这一周的排班，您的这次修改没有保存。已重新载入对方的修改；对方改了什么，见“修改记录”。</source>
        <translation>{who} changed this week&apos;s roster at {when}; your change was not saved. Their change has been loaded; what they changed is in &quot;Change log&quot;.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="959"/>
        <source>修改没有保存</source>
        <translation>The change was not saved</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="965"/>
        <source>请在此基础上重新操作。</source>
        <translation> Please make your change again on top of it.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="968"/>
        <source>已放弃您的修改，显示对方保存的排班表。</source>
        <translation>Your change was dropped; showing the roster the other clerk saved.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="973"/>
        <source>合并：{what}</source>
        <translation>Merge: {what}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="978"/>
        <source>合并我的修改</source>
        <translation>Merge my change</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="979"/>
        <source>放弃我的修改</source>
        <translation>Drop my change</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1007"/>
        <source>。违反规则 {n} 处，见“问题”</source>
        <translation>. {n} rule(s) broken, see “Problems”</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1064"/>
        <source>{post}：能来 {n} 人，最合适的在前。双击一人即可安排。</source>
        <translation>{post}: {n} can come, best first. Double-click someone to assign them.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1086"/>
        <source>安排…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1092"/>
        <source>{name}（本周 {h} 小时）</source>
        <translation>{name} ({h} h this week)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1098"/>
        <source>{entry}：{minimum}</source>
        <translation>{entry}: {minimum}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1102"/>
        <source>没有人能来</source>
        <translation>Nobody can come</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1104"/>
        <source>全部人选…</source>
        <translation>All candidates…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1113"/>
        <source>移除 {name}</source>
        <translation>Remove {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1117"/>
        <source>取消锁定 {name}</source>
        <translation>Unpin {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1117"/>
        <source>锁定 {name}</source>
        <translation>Pin {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1120"/>
        <location filename="../../roster_app/gui/main_window.py" line="1171"/>
        <source>{name} 请假/退出…</source>
        <translation>{name} away / dropping out…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1126"/>
        <source>{name} 只这天请假（{date}）</source>
        <translation>{name} away this day only ({date})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1174"/>
        <source>打开志愿者名册…</source>
        <translation>Open the volunteer register…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1191"/>
        <source>请先在排班表或志愿者名单里选中一个人。</source>
        <translation>First choose a person in the roster or the volunteer list.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1230"/>
        <source>请假没有保存：{error}</source>
        <translation>The dates away were not saved: {error}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1231"/>
        <source>请假没有保存</source>
        <translation>Dates away not saved</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1241"/>
        <source>已记下 {name} {days} 请假；TA 这些日子没有安排，排班表不用改。</source>
        <translation>{name} marked away on {days}; they have no posts then, so the roster stays as it is.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1258"/>
        <source>已记下 {name} {days} 请假，正在计算最少的改动…</source>
        <translation>{name} marked away on {days}; working out the fewest changes…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1283"/>
        <source>已放弃调整，排班表未改动；{name} {days} 的请假已记下</source>
        <translation>Changes rejected, roster unchanged; {name} is marked away on {days}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1285"/>
        <source>，违反规则 {n} 处，见“问题”</source>
        <translation>; {n} rule(s) broken, see “Problems”</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1286"/>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1293"/>
        <source>{name} {days} 请假后的调整</source>
        <translation>Re-plan after {name} away on {days}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1296"/>
        <source>已按调整方案修改 {n} 个岗位</source>
        <translation>{n} post(s) changed as proposed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1298"/>
        <source>，{m} 个仍缺岗（见“问题”）</source>
        <translation>, {m} still short (see “Problems”)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1309"/>
        <source>志愿者名册</source>
        <translation>Volunteer register</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1313"/>
        <source>导入志愿者</source>
        <translation>Import volunteers</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1317"/>
        <source>社区设置</source>
        <translation>Community set-up</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1321"/>
        <source>服务统计</source>
        <translation>Service report</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1325"/>
        <source>还没有社区。</source>
        <translation>No community yet.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1333"/>
        <source>打开“{what}”失败：{error}</source>
        <translation>Cannot open “{what}”: {error}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1334"/>
        <source>打开“{what}”失败</source>
        <translation>Cannot open “{what}”</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1336"/>
        <source>已打开“{what}”。</source>
        <translation>Opened “{what}”.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1348"/>
        <source>数据库设置已保存，下次启动时生效。</source>
        <translation>Database settings saved; they take effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1359"/>
        <source>没有找到这种语言的翻译文件，界面仍用中文。</source>
        <translation>No translation file found for this language; the interface stays in Chinese.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1360"/>
        <source>切换语言</source>
        <translation>Switch language</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1361"/>
        <source>没有找到这种语言的翻译文件（resources/translations/*.qm）。请重新运行安装脚本 scripts/setup.sh。</source>
        <translation>No translation file found for this language (resources/translations/*.qm). Run the set-up script scripts/setup.sh again.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1370"/>
        <source>界面语言：{name}</source>
        <translation>Interface language: {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1389"/>
        <source>发布失败</source>
        <translation>Publishing failed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1392"/>
        <source>已发布本周排班表，现在不能修改；要修改请先“重新打开”。</source>
        <translation>This week&apos;s roster is published and now read-only; “Reopen” it to change it.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1402"/>
        <source>重新打开失败</source>
        <translation>Reopening failed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1405"/>
        <source>已重新打开本周排班表，可以修改；改完请再发布。</source>
        <translation>This week&apos;s roster is reopened for changes; publish it again when done.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1417"/>
        <source>读取上周排班表失败</source>
        <translation>Cannot read last week&apos;s roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1420"/>
        <source>上周没有排班表，无法复制。</source>
        <translation>Last week has no roster to copy.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1426"/>
        <source>已复制上周排班 {n} 人次</source>
        <translation>Copied {n} person-times from last week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1429"/>
        <source>{name}（{post}）</source>
        <translation>{name} ({post})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1432"/>
        <source>等</source>
        <translation> and others</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1433"/>
        <source>；{m} 人次不再符合规则，没有复制：{names}{more}</source>
        <translation>; {m} no longer fit the rules and were left out: {names}{more}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1299"/>
        <location filename="../../roster_app/gui/main_window.py" line="1435"/>
        <source>。可撤销（Ctrl+Z）。</source>
        <translation>. Undo with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1529"/>
        <source>删除演示数据</source>
        <translation>Remove demo data</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1530"/>
        <source>将删除演示社区“{name}”的全部门岗、志愿者和排班表，不能恢复。
确定删除吗？</source>
        <translation>This deletes all gates, volunteers and rosters of the demo community “{name}” for good.
Delete it?</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1542"/>
        <source>删除演示数据失败</source>
        <translation>Removing the demo data failed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1546"/>
        <source>已删除演示数据。</source>
        <translation>Demo data removed.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1554"/>
        <source>载入演示数据失败</source>
        <translation>Loading the demo data failed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1559"/>
        <source>已载入演示数据。</source>
        <translation>Demo data loaded.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1270"/>
        <location filename="../../roster_app/gui/main_window.py" line="1572"/>
        <source>无法启动求解器</source>
        <translation>Cannot start the solver</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1250"/>
        <location filename="../../roster_app/gui/main_window.py" line="1580"/>
        <source>读取本周数据失败</source>
        <translation>Cannot read this week&apos;s data</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1444"/>
        <source>下一周已有排班表，没有复制。</source>
        <translation>Next week already has a roster; nothing was copied.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1468"/>
        <source>已新建社区“{name}”。门岗和班次可在“数据 → 社区设置”里修改。</source>
        <translation>Community &quot;{name}&quot; created. Change its gates and slots in Data → Community settings.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1599"/>
        <source>正在排班…</source>
        <translation>Scheduling…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1601"/>
        <source>正在自动排班…</source>
        <translation>Auto-scheduling…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1612"/>
        <source>正在停止，保留目前最好的方案…</source>
        <translation>Stopping, keeping the best solution so far…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1624"/>
        <source>正在排班… {t:.1f} 秒</source>
        <translation>Scheduling… {t:.1f} s</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1632"/>
        <source>正在求最少缺岗</source>
        <translation>Minimising short posts</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1633"/>
        <source>正在优化偏好</source>
        <translation>Optimising preferences</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1635"/>
        <source>{stage}：已找到方案 {n} 个，目标值 {obj}，下界 {bound}</source>
        <translation>{stage}: {n} solution(s) found, objective {obj}, bound {bound}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1665"/>
        <source>已取消自动排班，保留目前最好的方案</source>
        <translation>Auto-schedule cancelled, best solution so far kept</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1665"/>
        <source>自动排班完成</source>
        <translation>Auto-schedule done</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1667"/>
        <source>：缺岗 {missing} 人次，用时 {t:.1f} 秒。缺岗人数已证明最少；其余偏好未证明最优</source>
        <translation>: {missing} person-times short, {t:.1f} s. Fewest short posts proven; other preferences not proven optimal</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1671"/>
        <source>：{status}，缺岗 {missing} 人次，用时 {t:.1f} 秒</source>
        <translation>: {status}, {missing} person-times short, {t:.1f} s</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1679"/>
        <source>无法排班：数据有矛盾，排班表未改动。请看下方的冲突说明。</source>
        <translation>Cannot schedule: the data contradict each other; the roster is unchanged. See the conflicts below.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1681"/>
        <source>已取消自动排班：还没有找到方案，排班表未改动。</source>
        <translation>Auto-schedule cancelled before a solution was found; the roster is unchanged.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1683"/>
        <source>在时间限制内没有找到方案，排班表未改动。</source>
        <translation>No solution found within the time limit; the roster is unchanged.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1688"/>
        <source>自动排班出错，排班表未改动。</source>
        <translation>Auto-schedule failed; the roster is unchanged.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1689"/>
        <source>自动排班出错</source>
        <translation>Auto-schedule failed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1724"/>
        <source>门岗排班（GateRoster）
为社区门岗（卡口）志愿者排每周值班表。</source>
        <translation>Gate Roster (GateRoster)
Weekly duty rosters for the volunteers at a community&apos;s gates (checkpoints).</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1895"/>
        <source>最优</source>
        <translation>optimal</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1896"/>
        <source>可行（未证明最优）</source>
        <translation>feasible (not proven optimal)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1897"/>
        <source>无解</source>
        <translation>infeasible</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1898"/>
        <source>未找到方案</source>
        <translation>no solution found</translation>
    </message>
</context>
<context>
    <name>NewCommunityDialog</name>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="66"/>
        <source>新建社区</source>
        <translation>New community</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="69"/>
        <source>填上社区名称就能开始：门岗、班次和每岗人数先按常用的样子建好，以后在“数据 → 社区设置”里改名、增减、调整。</source>
        <translation>Enter the community&apos;s name to begin: gates, slots and people per post start from a common layout; rename, add or change them later in Data → Community settings.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="76"/>
        <source>如“玉带路社区”</source>
        <translation>e.g. &quot;Yudai Road Community&quot;</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="83"/>
        <source>社区名称</source>
        <translation>Community name</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="85"/>
        <source>如“玉带路社区居委会 电话 010-8952 3716”（印在门岗值班表上，可不填）</source>
        <translation>e.g. &quot;Yudai Road Residents&apos; Committee, tel. 010-8952 3716&quot; (printed on the gate sheets; optional)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="86"/>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="90"/>
        <source> 个</source>
        <translation> gates</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="99"/>
        <source>门岗数</source>
        <translation>Gates</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="101"/>
        <source>{slots}；每个门岗每个班次 {low}–{high} 人</source>
        <translation>{slots}; {low}–{high} people per gate and slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="105"/>
        <source>班次</source>
        <translation>Slots</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="111"/>
        <source>同时删除演示数据（{name}）</source>
        <translation>Also remove the demo data ({name})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="116"/>
        <source>创建并导入志愿者…</source>
        <translation>Create and import volunteers…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="118"/>
        <source>只创建</source>
        <translation>Create only</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="119"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="130"/>
        <source>先叫 {names}</source>
        <translation>named {names} for now</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="135"/>
        <source>请填写社区名称。</source>
        <translation>Please enter the community&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="137"/>
        <source>已有名为“{name}”的社区。</source>
        <translation>There is already a community named &quot;{name}&quot;.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/new_community.py" line="169"/>
        <source>没有建成：{error}</source>
        <translation>Not created: {error}</translation>
    </message>
</context>
<context>
    <name>Optional</name>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="105"/>
        <source>不限</source>
        <translation>No limit</translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <location filename="../../roster_app/output/canvas.py" line="327"/>
        <source>无法开始打印（打印机或文件不可用）</source>
        <translation>Cannot start printing (printer or file unavailable)</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/documents.py" line="33"/>
        <source>本周排班表</source>
        <translation>This week&apos;s roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/documents.py" line="34"/>
        <source>门岗值班表（张贴用）</source>
        <translation>Gate sheets (for posting)</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/documents.py" line="35"/>
        <location filename="../../roster_app/output/slips.py" line="235"/>
        <source>个人值班单</source>
        <translation>Personal slips</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/gate_sheet.py" line="114"/>
        <source>{community}门岗值班表（分门岗）</source>
        <translation>{community} gate duty roster (by gate)</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/gate_sheet.py" line="180"/>
        <location filename="../../roster_app/output/gate_sheet.py" line="236"/>
        <location filename="../../roster_app/output/layout.py" line="293"/>
        <location filename="../../roster_app/output/layout.py" line="347"/>
        <location filename="../../roster_app/output/slips.py" line="48"/>
        <location filename="../../roster_app/output/xlsx.py" line="44"/>
        <location filename="../../roster_app/output/xlsx.py" line="56"/>
        <location filename="../../roster_app/output/xlsx.py" line="157"/>
        <source>时段</source>
        <translation>Slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/gate_sheet.py" line="222"/>
        <source>没有选择门岗。</source>
        <translation>No gate selected.</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/gate_sheet.py" line="225"/>
        <source>{community}  {gate}  门岗值班表</source>
        <translation>{community}  {gate}  gate duty roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/gate_sheet.py" line="228"/>
        <location filename="../../roster_app/output/layout.py" line="373"/>
        <source>（续）</source>
        <translation> (cont.)</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/gate_sheet.py" line="266"/>
        <location filename="../../roster_app/output/layout.py" line="404"/>
        <location filename="../../roster_app/output/xlsx.py" line="136"/>
        <source>不开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/gate_sheet.py" line="284"/>
        <location filename="../../roster_app/output/layout.py" line="86"/>
        <location filename="../../roster_app/output/xlsx.py" line="205"/>
        <source> 锁定</source>
        <translation> pinned</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/gate_sheet.py" line="285"/>
        <source>缺 N人：缺岗，欢迎补位</source>
        <translation>N short: post short, volunteers welcome</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/gate_sheet.py" line="288"/>
        <source>电话号码中间四位已隐去</source>
        <translation>Middle four digits of phone numbers hidden</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/gate_sheet.py" line="294"/>
        <source>如有问题请联系：{contact}</source>
        <translation>Questions? Contact: {contact}</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/gate_sheet.py" line="313"/>
        <location filename="../../roster_app/output/layout.py" line="102"/>
        <location filename="../../roster_app/output/layout.py" line="110"/>
        <source>第 {n} 页，共 {count} 页</source>
        <translation>Page {n} of {count}</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/layout.py" line="78"/>
        <location filename="../../roster_app/output/xlsx.py" line="202"/>
        <source>图例：</source>
        <translation>Legend:</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/layout.py" line="87"/>
        <location filename="../../roster_app/output/xlsx.py" line="207"/>
        <source>缺 N人：缺岗，人数不足</source>
        <translation>N short: post short of people</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/layout.py" line="88"/>
        <source>不开放：此时段不设岗</source>
        <translation>Closed: no post in this slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/layout.py" line="116"/>
        <location filename="../../roster_app/output/slips.py" line="160"/>
        <location filename="../../roster_app/output/xlsx.py" line="149"/>
        <source>联系方式：{contact}</source>
        <translation>Contact: {contact}</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/layout.py" line="139"/>
        <location filename="../../roster_app/output/xlsx.py" line="145"/>
        <source>值班周期：{span}</source>
        <translation>Period: {span}</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/layout.py" line="151"/>
        <source>（本周尚未排班，表中只有锁定的安排）</source>
        <translation>(not rostered yet this week: only pinned assignments shown)</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/layout.py" line="239"/>
        <location filename="../../roster_app/output/xlsx.py" line="123"/>
        <location filename="../../roster_app/output/xlsx.py" line="143"/>
        <source>{community}门岗值班表</source>
        <translation>{community} gate duty roster</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/layout.py" line="289"/>
        <location filename="../../roster_app/output/layout.py" line="344"/>
        <location filename="../../roster_app/output/slips.py" line="50"/>
        <location filename="../../roster_app/output/xlsx.py" line="47"/>
        <location filename="../../roster_app/output/xlsx.py" line="58"/>
        <location filename="../../roster_app/output/xlsx.py" line="157"/>
        <source>门岗</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/layout.py" line="385"/>
        <source>本社区还没有设置门岗。</source>
        <translation>This community has no gates set up yet.</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/pdf.py" line="42"/>
        <location filename="../../roster_app/output/xlsx.py" line="111"/>
        <source>无法写入文件 {path}：{error}</source>
        <translation>Cannot write the file {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/printing.py" line="37"/>
        <source>打印预览 - {title}</source>
        <translation>Print preview - {title}</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/slips.py" line="46"/>
        <location filename="../../roster_app/output/xlsx.py" line="41"/>
        <location filename="../../roster_app/output/xlsx.py" line="54"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/slips.py" line="47"/>
        <location filename="../../roster_app/output/xlsx.py" line="42"/>
        <location filename="../../roster_app/output/xlsx.py" line="55"/>
        <source>星期</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/slips.py" line="49"/>
        <location filename="../../roster_app/output/xlsx.py" line="57"/>
        <location filename="../../roster_app/output/xlsx.py" line="157"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/slips.py" line="51"/>
        <source>同岗</source>
        <translation>With</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/slips.py" line="101"/>
        <source>{community}个人值班单</source>
        <translation>{community} personal duty slips</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/slips.py" line="210"/>
        <source>本周没有安排任何人值班。</source>
        <translation>Nobody is on duty this week.</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/slips.py" line="215"/>
        <source>{title}    {printed}    第 {n} 页，共 {count} 页</source>
        <translation>{title}    {printed}    Page {n} of {count}</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/slips.py" line="273"/>
        <source>本周共 {n} 班，{hours} 小时</source>
        <translation>{n} shift(s) this week, {hours} h</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/week.py" line="39"/>
        <source>工作日</source>
        <translation>Workday</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/week.py" line="39"/>
        <source>休息日</source>
        <translation>Rest day</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/week.py" line="45"/>
        <location filename="../../roster_app/output/week.py" line="47"/>
        <source>{y}年{m}月{d}日</source>
        <translation>{y}-{m:02d}-{d:02d}</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/week.py" line="49"/>
        <source>{m}月{d}日</source>
        <translation>{m:02d}-{d:02d}</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/week.py" line="50"/>
        <source>{start}（{first}）至{end}（{last}）</source>
        <translation>{start} ({first}) to {end} ({last})</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/week.py" line="61"/>
        <source>打印日期：{date}</source>
        <translation>Printed {date}</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/week.py" line="191"/>
        <source>缺 {n}人</source>
        <translation>{n} short</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/xlsx.py" line="43"/>
        <source>工作日/休息日</source>
        <translation>Workday/rest day</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/xlsx.py" line="45"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/xlsx.py" line="46"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/xlsx.py" line="48"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/xlsx.py" line="49"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/xlsx.py" line="50"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/xlsx.py" line="51"/>
        <source>锁定</source>
        <translation>Pinned</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/xlsx.py" line="59"/>
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/xlsx.py" line="60"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/xlsx.py" line="147"/>
        <source>导出日期：{date}</source>
        <translation>Exported {date}</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/xlsx.py" line="259"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../roster_app/output/xlsx.py" line="286"/>
        <source>本周没有缺岗。</source>
        <translation>No short posts this week.</translation>
    </message>
</context>
<context>
    <name>PictureScopeDialog</name>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="108"/>
        <source>导出微信图片</source>
        <translation>Export WeChat picture</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="110"/>
        <source>发到志愿者微信群的图片（1080 像素宽，手机上看得清；电话号码中间四位隐去）。要哪一部分？</source>
        <translation>A picture for the volunteers&apos; WeChat group (1080 pixels wide, readable on a phone; middle four digits of phone numbers hidden). Which part?</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="114"/>
        <source>整周（所有门岗）</source>
        <translation>The whole week (every gate)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="115"/>
        <source>一个门岗的一周</source>
        <translation>One gate&apos;s week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="116"/>
        <source>一天（所有门岗）</source>
        <translation>One day (every gate)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="137"/>
        <source>保存图片…</source>
        <translation>Save picture…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/export_menu.py" line="138"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PostCellDelegate</name>
    <message>
        <location filename="../../roster_app/gui/delegates.py" line="154"/>
        <source>缺 {n} 人</source>
        <translation>{n} short</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/delegates.py" line="156"/>
        <source>缺岗</source>
        <translation>Short</translation>
    </message>
</context>
<context>
    <name>ProblemListModel</name>
    <message>
        <location filename="../../roster_app/gui/problems_panel.py" line="32"/>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/problems_panel.py" line="33"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../roster_app/gui/problems_panel.py" line="200"/>
        <source>没有问题：每条规则都满足，也没有缺岗。</source>
        <translation>No problems: every rule holds and no post is short.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/problems_panel.py" line="202"/>
        <source>违反规则 {rules} 处，缺岗 {short} 个。点一行，表中会选中那个岗位。</source>
        <translation>{rules} rule(s) broken, {short} short post(s). Click a row to select its post in the roster.</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="319"/>
        <source>请假后的调整 — {name}</source>
        <translation>Re-plan after dates away — {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="324"/>
        <source>{name} {days} 不能来。下面是改动最少的调整：只换掉必须换的人，其余安排不变。</source>
        <translation>{name} cannot come on {days}. Below is the plan with the fewest changes: only those who must be replaced are, everything else stays.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="329"/>
        <source>正在计算最少的改动…</source>
        <translation>Working out the fewest changes…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="333"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="334"/>
        <source>停止计算，用目前找到的最好方案</source>
        <translation>Stop and use the best plan found so far</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="358"/>
        <source>接受并打印变更的门岗表…</source>
        <translation>Accept and print the changed gate sheets…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="360"/>
        <source>按这个方案修改排班表，再打印有变化的门岗的值班表，换下门岗上贴的旧表</source>
        <translation>Change the roster as proposed, then print the sheets of the gates that changed, to replace the old ones posted at the gates</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="363"/>
        <source>接受</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="364"/>
        <source>放弃</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="365"/>
        <source>按这个方案修改排班表（可撤销）</source>
        <translation>Change the roster as proposed (can be undone)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="366"/>
        <source>不改排班表；请假已记下，受影响的岗位见“问题”</source>
        <translation>Leave the roster as it is; the dates away are kept and the affected posts are listed under “Problems”</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="391"/>
        <source>正在停止，保留目前最好的方案…</source>
        <translation>Stopping, keeping the best solution so far…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="395"/>
        <source>正在计算最少的改动：已找到方案 {n} 个</source>
        <translation>Working out the fewest changes: {n} plan(s) found</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="401"/>
        <source>没有找到调整方案，排班表未改动。请用“谁能顶岗”手工安排。</source>
        <translation>No plan found; the roster is unchanged. Use “Who can cover” to assign by hand.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="410"/>
        <source>不需要改动。</source>
        <translation>No changes needed.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="412"/>
        <source>共 {n} 个岗位有变化：{changed} 个换了人</source>
        <translation>{n} post(s) change: {changed} with someone else</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="413"/>
        <source>，&lt;span style=&apos;color:#a11b1b&apos;&gt;&lt;b&gt;{short} 个仍缺岗&lt;/b&gt;&lt;/span&gt;</source>
        <translation>, &lt;span style=&apos;color:#a11b1b&apos;&gt;&lt;b&gt;{short} still short&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="414"/>
        <source>，没有缺岗</source>
        <translation>, none short</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="415"/>
        <source>。接受后可撤销（Ctrl+Z）。</source>
        <translation>. Accepting can be undone (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="418"/>
        <source>提示：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="420"/>
        <source>计算完成。</source>
        <translation>Done.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/repair_dialog.py" line="428"/>
        <source>计算出错，排班表未改动：{message}</source>
        <translation>The calculation failed; the roster is unchanged: {message}</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../roster_app/reports/export.py" line="46"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="46"/>
        <source>星期</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="46"/>
        <source>时段</source>
        <translation>Slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="47"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="47"/>
        <location filename="../../roster_app/reports/service_hours.py" line="42"/>
        <location filename="../../roster_app/reports/service_hours.py" line="405"/>
        <source>门岗</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="47"/>
        <location filename="../../roster_app/reports/service_hours.py" line="403"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="48"/>
        <location filename="../../roster_app/reports/service_hours.py" line="41"/>
        <location filename="../../roster_app/reports/service_hours.py" line="404"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/export.py" line="48"/>
        <source>时长（小时）</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="40"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="43"/>
        <location filename="../../roster_app/reports/service_hours.py" line="406"/>
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="407"/>
        <source>计入日期</source>
        <translation>Dates counted</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="408"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="409"/>
        <source>服务天数</source>
        <translation>Days served</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="410"/>
        <source>人次</source>
        <translation>Person-times</translation>
    </message>
    <message>
        <location filename="../../roster_app/reports/service_hours.py" line="411"/>
        <source>服务时长（小时）</source>
        <translation>Service hours</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="82"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="83"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="84"/>
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="85"/>
        <source>今年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="265"/>
        <source>服务统计</source>
        <translation>Service report</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="283"/>
        <source>时间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="287"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="297"/>
        <source>分组：</source>
        <translation>Group by:</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="346"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="347"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="348"/>
        <source>导出图表 PNG…</source>
        <translation>Export chart PNG…</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="349"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="427"/>
        <source>{span}：{summary}，志愿者 {people} 人</source>
        <translation>{span}: {summary}, {people} volunteers</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="433"/>
        <source>所选时间内没有已发布排班表的服务记录</source>
        <translation>No service recorded in published rosters in this period</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="438"/>
        <source>只计已发布的排班表，一个人在一个时段值班一次计 1 人次。</source>
        <translation>Only published rosters count; one person serving one slot once is 1 person-time.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="441"/>
        <source>{day}起</source>
        <translation>from {day}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="442"/>
        <source>另有 {n} 周排班表尚未发布，未计入（{weeks}）。</source>
        <translation> {n} more week(s) not published yet, not counted ({weeks}).</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="444"/>
        <source>所选时间内没有已发布的排班表。</source>
        <translation> No published rosters in this period.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="461"/>
        <source>{community}服务统计_{start}至{end}_按{grouping}</source>
        <translation>{community} service report_{start} to {end}_by {grouping}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="481"/>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="486"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="491"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="491"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="504"/>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="504"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="517"/>
        <source>导出图表</source>
        <translation>Export chart</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="517"/>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="520"/>
        <source>{community} {span} 每周服务时长（小时），按志愿者类别</source>
        <translation>{community} {span}: weekly service hours by kind of volunteer</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/reports_view.py" line="524"/>
        <source>无法写入文件 {path}</source>
        <translation>Cannot write the file {path}</translation>
    </message>
</context>
<context>
    <name>RosterGridModel</name>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="47"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="48"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="49"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="50"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="51"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="52"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="53"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="244"/>
        <source>不开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="278"/>
        <location filename="../../roster_app/gui/roster_model.py" line="319"/>
        <location filename="../../roster_app/gui/roster_model.py" line="362"/>
        <source>工作日</source>
        <translation>Workday</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="278"/>
        <location filename="../../roster_app/gui/roster_model.py" line="319"/>
        <location filename="../../roster_app/gui/roster_model.py" line="362"/>
        <source>休息日</source>
        <translation>Rest day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="291"/>
        <source>{gate}，{slot} {time}</source>
        <translation>{gate}, {slot} {time}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="321"/>
        <source>{gate} {slot} {time}，{date} {weekday}（{kind}）</source>
        <translation>{gate} {slot} {time}, {weekday} {date} ({kind})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="328"/>
        <source>此时段本门岗不开放</source>
        <translation>This gate is closed in this slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="332"/>
        <source>需要 {min} 人</source>
        <translation>Needs {min}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="334"/>
        <source>需要 {min}–{max} 人</source>
        <translation>Needs {min}–{max}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="336"/>
        <source>，已排 {n} 人</source>
        <translation>, {n} assigned</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="340"/>
        <source>· {name}（{kind}，锁定）</source>
        <translation>· {name} ({kind}, pinned)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="342"/>
        <source>· {name}（{kind}）</source>
        <translation>· {name} ({kind})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="346"/>
        <source>缺 {n} 人</source>
        <translation>{n} short</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="348"/>
        <source>缺岗：</source>
        <translation>Short post: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="350"/>
        <source>原因：</source>
        <translation>Reason: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="352"/>
        <source>⚠ 违反规则：</source>
        <translation>⚠ Rule broken: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="358"/>
        <source>调休上班</source>
        <translation>Adjusted working day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="360"/>
        <source>节假日</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="387"/>
        <source>缺党员 {n} 人</source>
        <translation>{n} party member(s) short</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="390"/>
        <source>缺{skill} {n} 人</source>
        <translation>{skill}: {n} short</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="405"/>
        <source>{who}的安排指向不存在的门岗、班次或日期</source>
        <translation>{who} is assigned to a gate, slot or date that does not exist</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="406"/>
        <source>{who}重复安排</source>
        <translation>{who} is assigned twice</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="407"/>
        <source>{who}被安排在不开放的岗位</source>
        <translation>{who} is assigned to a closed post</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="408"/>
        <source>排了 {n} 人，超过最多 {max} 人</source>
        <translation>{n} assigned, more than the maximum of {max}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="409"/>
        <source>{who}这个时段不能值班</source>
        <translation>{who} is not available in this slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="410"/>
        <source>{who}这天请假，不能值班</source>
        <translation>{who} is away that day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="411"/>
        <source>{who}是在职人员，工作日 8 小时内不排班</source>
        <translation>{who} is employed: not rostered in working hours on workdays</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="413"/>
        <source>{who}同一时间排在两个岗位</source>
        <translation>{who} is on two posts at the same time</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="414"/>
        <source>{who}这天排了 {n} 个班次，超过每天最多 {max} 个</source>
        <translation>{who} has {n} shifts that day, more than the {max} allowed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="415"/>
        <source>{who}本周排了 {n} 小时，超过上限 {max} 小时</source>
        <translation>{who} has {n} h this week, over the cap of {max} h</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="416"/>
        <source>{who}是未成年人，没有成年人同岗</source>
        <translation>{who} is a minor with no adult on the post</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="417"/>
        <source>{who}不在这个门岗值班</source>
        <translation>{who} does not stand at this gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="418"/>
        <source>{who}是未成年人，不能排这么晚的班次</source>
        <translation>{who} is a minor and cannot serve this late</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="419"/>
        <source>{who}连续值班超过 {max} 天</source>
        <translation>{who} serves more than {max} days in a row</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="420"/>
        <source>{who}前后两天的岗位之间休息不足 {max} 小时</source>
        <translation>{who} rests less than {max} h between two days&apos; posts</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/roster_model.py" line="421"/>
        <source>锁定的{who}不在这个岗位</source>
        <translation>{who}, pinned here, is not on this post</translation>
    </message>
</context>
<context>
    <name>SequencesTab</name>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="445"/>
        <source>前一天站了某个班次的人，第二天不能排哪个班次（在任何门岗），如晚班之后第二天不排早班，让人休息够。选同一个班次即不能连着两天站这个班次。</source>
        <translation>Which slot nobody who stood in a slot one day may take the next day (at any gate), e.g. no early slot the day after an evening slot, so that people get enough rest. Choose the same slot twice and nobody stands in it two days running.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="450"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="452"/>
        <source>前一天站了</source>
        <translation>After standing in</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="454"/>
        <source>第二天不能排</source>
        <translation>not the next day in</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="465"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="498"/>
        <source>已添加：{first} 之后第二天不排 {second}</source>
        <translation>Added: no {second} the day after {first}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="508"/>
        <source>已删除：{first} 之后第二天不排 {second}</source>
        <translation>Removed: no {second} the day after {first}</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="183"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="187"/>
        <source>社区名称</source>
        <translation>Community name</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="191"/>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="197"/>
        <source>8 小时工作时间</source>
        <translation>Working hours (8 h)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="199"/>
        <source>8小时内无职党员参与、8小时外在职党员服务：工作日这段时间内不给在职的人排班，休息日不受限制。</source>
        <translation>Non-employed party members inside the 8 working hours, employed ones outside them: on workdays nobody employed is rostered in these hours; rest days are free.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="204"/>
        <source>排班规则</source>
        <translation>Rostering rules</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="207"/>
        <source>班</source>
        <translation>shifts</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="208"/>
        <location filename="../../roster_app/gui/settings_editor.py" line="211"/>
        <location filename="../../roster_app/gui/settings_editor.py" line="213"/>
        <location filename="../../roster_app/gui/settings_editor.py" line="236"/>
        <source>小时</source>
        <translation>hours</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="212"/>
        <source>天</source>
        <translation>days</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="216"/>
        <source> 班</source>
        <translation> shifts</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="217"/>
        <source> 周</source>
        <translation> weeks</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="219"/>
        <source>每人每天最多</source>
        <translation>Per person per day, at most</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="220"/>
        <source>每人每周最多</source>
        <translation>Per person per week, at most</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="220"/>
        <source>没有单独设定上限的人按这个数</source>
        <translation>For everyone without a cap of their own</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="221"/>
        <source>双报到党员每周至少</source>
        <translation>Dual-registered members, per week at least</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="221"/>
        <source>在职党员回社区报到（双报到）后每周应值的班数</source>
        <translation>Shifts a week an employed party member owes after registering with the community (dual registration)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="222"/>
        <source>未成年人最晚到</source>
        <translation>Minors until at the latest</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="222"/>
        <source>新时代好少年不排结束得比这更晚的班次</source>
        <translation>Minors are never rostered in a slot ending later than this</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="223"/>
        <source>未成年人每周最多</source>
        <translation>Minors per week, at most</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="224"/>
        <source>最多连续值班</source>
        <translation>Most days on duty in a row</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="225"/>
        <source>两天之间至少休息</source>
        <translation>Rest between two days, at least</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="225"/>
        <source>例如晚班 22:00 结束，次日早班 06:00 开始，只休息 8 小时</source>
        <translation>E.g. an evening slot ending 22:00 and a morning slot starting 06:00 leave only 8 h of rest</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="226"/>
        <source>均衡时长时算上前</source>
        <translation>Balance hours counting the last</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="226"/>
        <source>已发布的前几周排班表的服务时长也计入，避免总是同几个人多值</source>
        <translation>Hours of recent published weeks count too, so the same few do not always serve more</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="232"/>
        <source>各类人员每周最多小时</source>
        <translation>Max hours a week by kind</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="246"/>
        <source>缺岗怎么算</source>
        <translation>How missing people count</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="248"/>
        <source>缺岗优先（先保证人数，再考虑其他偏好）</source>
        <translation>Posts filled first (people before any other preference)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="249"/>
        <source>综合权衡（缺岗、超编与其他偏好按权重一起权衡）</source>
        <translation>Weighed together (missing people, overstaffing and the other preferences by their weights)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="257"/>
        <source>缺岗优先：只要有人能排，岗位就一定排满，其他偏好只在人数够了以后才照顾。综合权衡：少排一个人只算付出“缺岗”的权重，为了照顾其他偏好可能留下空岗；要用下面的权重。</source>
        <translation>Posts filled first: whenever someone can stand, the post is filled; the other preferences count only once the numbers are met. Weighed together: one person short costs just the weight of “Short of people”, so a post may be left short to spare other preferences; this uses the weights below.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="264"/>
        <source>按权重照顾各项偏好</source>
        <translation>Weigh the preferences</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="267"/>
        <source>缺岗优先时先保证不缺岗、满足党员和技能要求；在此之外，权重越大的一项越优先照顾（综合权衡时缺岗也按权重一起算）。数字是一次（一班、一处……）的分量。不勾选则按旧版规则：先保留上一版的安排，再均衡时长，最后照顾首选门岗。</source>
        <translation>With posts filled first, filling the posts and meeting party-member and skill needs come first; beyond that, the larger an item&apos;s weight, the more it counts (weighed together, missing people are priced by their weight too). Each number is the weight of one occurrence (one shift, one change…). Unchecked, the old rules apply: keep the previous version&apos;s assignments, then balance hours, then preferred gates.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="276"/>
        <source>以下两项只在“综合权衡”时起作用：缺一个人或一项要求，付出多少分量。</source>
        <translation>The two below count only when weighed together: what one missing person or one unmet need costs.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="405"/>
        <source>已保存规则、缺岗算法和权重</source>
        <translation>Rules, coverage and weights saved</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="284"/>
        <source>恢复默认权重</source>
        <translation>Default weights</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="296"/>
        <source>撤销修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/settings_editor.py" line="298"/>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
</context>
<context>
    <name>SetupModels</name>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="32"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="32"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="33"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="33"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="34"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="34"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="35"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="98"/>
        <location filename="../../roster_app/gui/setup_models.py" line="291"/>
        <source>门岗</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="98"/>
        <source>每岗要求</source>
        <translation>Needs per post</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="99"/>
        <location filename="../../roster_app/gui/setup_models.py" line="140"/>
        <source>排班表中使用</source>
        <translation>Used in rosters</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="139"/>
        <location filename="../../roster_app/gui/setup_models.py" line="292"/>
        <source>班次</source>
        <translation>Slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="139"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="140"/>
        <source>时长</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="291"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="292"/>
        <source>安排</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="334"/>
        <source>前一天站了</source>
        <translation>Slot on one day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_models.py" line="334"/>
        <source>第二天不能排</source>
        <translation>Not the next day</translation>
    </message>
</context>
<context>
    <name>SetupProblems</name>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="24"/>
        <source>请填写</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="25"/>
        <source>太长了，最多 {max} 个字</source>
        <translation>Too long, at most {max} characters</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="26"/>
        <source>已经有叫“{name}”的了，请换一个名称</source>
        <translation>“{name}” exists already; choose another name</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="27"/>
        <source>请填整数</source>
        <translation>Enter a whole number</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="28"/>
        <source>请填数字</source>
        <translation>Enter a number</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="29"/>
        <source>不能小于 {low}</source>
        <translation>Cannot be less than {low}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="30"/>
        <source>时间应在 00:00 到 24:00 之间</source>
        <translation>The time must be from 00:00 to 24:00</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="31"/>
        <source>开始 {start} 应早于结束 {end}</source>
        <translation>Start {start} must be before end {end}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="32"/>
        <source>最少 {min} 人多于最多 {max} 人</source>
        <translation>Min {min} is more than max {max}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="33"/>
        <source>最少 {min} 人，达不到本门岗的要求（每岗 {need} 名党员或有技能的人）；请提高最少人数或降低要求</source>
        <translation>A min of {min} cannot meet this gate&apos;s needs ({need} party members or skilled people per post); raise the min or lower the needs</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="35"/>
        <source>要求每岗 {need} 人，超过了这些岗位的最少人数：{posts}。请先提高它们的最少人数</source>
        <translation>Needs of {need} per post exceed the min of these posts: {posts}. Raise their min first</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="37"/>
        <source>“{name}”已用在 {weeks} 这几周的排班表里，不能删除；可以停用（清空需求），排班记录保留</source>
        <translation>“{name}” is used in the rosters of {weeks} and cannot be deleted; deactivate it (clear its demand) and the records stay</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="39"/>
        <source>已发布的排班表（{published}）用到“{name}”，服务时长按它的时间计算，不能改时间；请新增一个班次</source>
        <translation>Published rosters ({published}) use “{name}” and their service hours follow its times, so its times cannot change; add a new slot instead</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="41"/>
        <source>顺序里每个门岗要正好出现一次</source>
        <translation>Each gate must appear exactly once in the order</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="42"/>
        <source>找不到门岗 {code}，可能已被删除</source>
        <translation>Gate {code} not found; it may have been deleted</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="43"/>
        <source>找不到班次 {code}，可能已被删除</source>
        <translation>Slot {code} not found; it may have been deleted</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="44"/>
        <source>没有“{value}”这类人员</source>
        <translation>There is no kind “{value}”</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="45"/>
        <source>没有“{value}”这一项</source>
        <translation>There is no item “{value}”</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="46"/>
        <source>“{value}”不能作编号</source>
        <translation>“{value}” cannot be a code</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="47"/>
        <source>“{value}”不是日期</source>
        <translation>“{value}” is not a date</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="48"/>
        <source>应为工作日或休息日</source>
        <translation>Must be a workday or a rest day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="49"/>
        <source>综合权衡缺岗要用权重：请勾选“按权重照顾各项偏好”，或改为缺岗优先</source>
        <translation>Weighing missing people together needs the weights: tick “Weigh the preferences”, or fill posts first</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="51"/>
        <source>没有“{value}”这种缺岗算法</source>
        <translation>There is no way of counting missing people called “{value}”</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="52"/>
        <source>缺岗优先计算时，“{value}”的权重不起作用</source>
        <translation>While missing people come first, the weight of “{value}” has no effect</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="53"/>
        <source>“{first} → {second}”已经列过了</source>
        <translation>“{first} → {second}” is listed already</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="54"/>
        <source>每条规则要有前一天和后一天两个班次</source>
        <translation>Each rule needs two slots: one for the first day and one for the next</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="56"/>
        <source>结束日期早于开始日期</source>
        <translation>The end date is before the start date</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="57"/>
        <source>一次最多关闭 {max} 天；更长的关闭请改每周需求</source>
        <translation>At most {max} days at a time; for longer, change the weekly demand</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="58"/>
        <source>请先在列表里选中要恢复的日期</source>
        <translation>First select the dates to reopen in the list</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="59"/>
        <source>请先在列表里选中一个门岗</source>
        <translation>First select a gate in the list</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/setup_texts.py" line="60"/>
        <source>请先在列表里选中一个班次</source>
        <translation>First select a slot in the list</translation>
    </message>
</context>
<context>
    <name>SlotsTab</name>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="315"/>
        <source>新增班次</source>
        <translation>Add slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="316"/>
        <location filename="../../roster_app/gui/community_setup.py" line="405"/>
        <source>删除班次</source>
        <translation>Delete slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="323"/>
        <source>班次按开始时间排列。例如：早班 06:00–08:00、上午 08:00–12:00、下午 12:00–18:00、晚班 18:00–22:00。</source>
        <translation>Slots are ordered by start time. E.g.: early 06:00–08:00, morning 08:00–12:00, afternoon 12:00–18:00, evening 18:00–22:00.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="329"/>
        <location filename="../../roster_app/gui/community_setup.py" line="365"/>
        <source>所选班次</source>
        <translation>Selected slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="335"/>
        <source>结束 00:00 表示到午夜 24:00</source>
        <translation>An end of 00:00 means until midnight</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="336"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="337"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="338"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="342"/>
        <source>结束 00:00 表示到午夜 24:00。已发布的排班表用到的班次不能改时间。</source>
        <translation>An end of 00:00 means until midnight. A slot used by published rosters cannot change its times.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="343"/>
        <source>保存班次</source>
        <translation>Save slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="377"/>
        <source>新班次</source>
        <translation>New slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="396"/>
        <source>已保存班次“{name}”</source>
        <translation>Saved the slot “{name}”</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="406"/>
        <source>删除“{name}”？各门岗这个时段的需求、志愿者这个时段的可值班时间也会一起删除。</source>
        <translation>Delete “{name}”? The gates&apos; demand and the volunteers&apos; availability in this slot are deleted with it.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/community_setup.py" line="415"/>
        <source>已删除班次“{name}”</source>
        <translation>Deleted the slot “{name}”</translation>
    </message>
</context>
<context>
    <name>StaffingEditor</name>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="60"/>
        <source>最少人数：少于这个数就算缺岗</source>
        <translation>Min people: fewer than this is a short post</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="63"/>
        <source>不开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/demand_editor.py" line="64"/>
        <source>最多人数；0 表示这个岗位不开放</source>
        <translation>Max people; 0 closes the post</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="53"/>
        <source>缺岗</source>
        <translation>Short of people</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="53"/>
        <source>人次</source>
        <translation>person-times</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="54"/>
        <source>一个岗位少排一个人，算 1 人次缺岗</source>
        <translation>Each person missing from a post counts 1 person-time</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="55"/>
        <source>未满足的党员/技能要求</source>
        <translation>Unmet party/skill needs</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="56"/>
        <source>一个岗位缺一名党员或一名有所需技能的人，算 1 项</source>
        <translation>Each party member or skilled person missing from a post counts 1</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="57"/>
        <source>双报到党员未达最少班次</source>
        <translation>Dual-registered below minimum</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="58"/>
        <location filename="../../roster_app/gui/terms.py" line="65"/>
        <location filename="../../roster_app/gui/terms.py" line="68"/>
        <location filename="../../roster_app/gui/terms.py" line="74"/>
        <location filename="../../roster_app/gui/terms.py" line="76"/>
        <source>班</source>
        <translation>shifts</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="59"/>
        <source>双报到的在职党员比每周最少班次少排的班数</source>
        <translation>Shifts a dual-registered employed party member is short of the weekly minimum</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="60"/>
        <source>与上一版不同</source>
        <translation>Changes from previous</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="60"/>
        <location filename="../../roster_app/gui/terms.py" line="87"/>
        <source>处</source>
        <translation>changes</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="61"/>
        <source>与上一版排班表相比，去掉的或新加的安排（第一次排班不算）</source>
        <translation>Assignments removed or added since the previous roster (not on a first roster)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="62"/>
        <source>时长不均</source>
        <translation>Uneven hours</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="62"/>
        <source>档</source>
        <translation>steps</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="63"/>
        <source>最忙和最闲的人之间服务时长占上限比例的差距，每 10% 为一档（算上前几周）</source>
        <translation>Gap between the busiest and the least busy person&apos;s hours as a share of their cap, one step per 10% (recent weeks included)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="64"/>
        <source>无职人员排在工作时间外</source>
        <translation>Non-employed outside working hours</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="66"/>
        <source>工作日 8 小时以外的班次排了无职的成年人（这些班次应留给在职党员）</source>
        <translation>Non-employed adults in workday slots outside working hours (these belong to employed party members)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="67"/>
        <source>在职人员排在工作时间内</source>
        <translation>Employed in working hours</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="69"/>
        <source>休息日的工作时间段排了在职的人（本可以由无职的人值班）</source>
        <translation>Employed people in working-hours slots on rest days (non-employed people could serve)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="70"/>
        <source>换门岗</source>
        <translation>Gate changes</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="70"/>
        <source>次</source>
        <translation>times</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="71"/>
        <source>一个人本周站了不止一个门岗：第一个以外每多一个门岗算 1 次</source>
        <translation>A person at more than one gate this week: each gate after the first counts 1</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="72"/>
        <source>一天分两段</source>
        <translation>Split days</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="72"/>
        <source>天</source>
        <translation>days</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="73"/>
        <source>一个人某天的班次不连在一起，算 1 天</source>
        <translation>A person whose shifts on a day are not in one stretch: 1 per day</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="74"/>
        <source>非首选门岗</source>
        <translation>Not preferred gate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="75"/>
        <source>排在本人首选门岗以外的班次</source>
        <translation>Shifts outside the person&apos;s preferred gates</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="76"/>
        <source>非首选时段</source>
        <translation>Not preferred slot</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="77"/>
        <source>排在本人首选时段以外的班次</source>
        <translation>Shifts outside the person&apos;s preferred slots</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="86"/>
        <source>上一版的安排未保留</source>
        <translation>Previous assignments dropped</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="88"/>
        <source>上一版排班表里的安排，这一版没有保留（旧版规则）</source>
        <translation>Assignments of the previous roster not kept in this one (old rules)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="79"/>
        <source>超编</source>
        <translation>Overstaffed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="80"/>
        <source>一个岗位比最少人数多排一人算一次，乘以该岗位需求规定的超编分量（没有规定的岗位多排不计）</source>
        <translation>One person above a post&apos;s minimum counts once, times the overstaffing weight its demand gives (posts whose demand gives none are not counted)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="82"/>
        <source>按日期的意愿：想排却没排上</source>
        <translation>Wishes by date: wanted but not rostered</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="83"/>
        <source>志愿者在个人规则里说某天某班次想排，却没有排上：按这条意愿的分量计</source>
        <translation>A volunteer&apos;s personal rules say they want to stand in a slot on a date, and they are not rostered there: counts the wish&apos;s weight</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="84"/>
        <source>按日期的意愿：不想排却排上了</source>
        <translation>Wishes by date: rostered though rather not</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/terms.py" line="85"/>
        <source>志愿者在个人规则里说某天某班次不想排，却排上了：按这条意愿的分量计</source>
        <translation>A volunteer&apos;s personal rules say they would rather not stand in a slot on a date, and they are rostered there: counts the wish&apos;s weight</translation>
    </message>
</context>
<context>
    <name>VersionsPanel</name>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1783"/>
        <source>当前（未发布的修改）</source>
        <translation>Current (unpublished changes)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1787"/>
        <source>第 {n} 版&#x3000;{time} 发布，{count} 人次</source>
        <translation>Version {n}  published {time}, {count} person-times</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1792"/>
        <source>本周还没有发布过。发布后，每次发布的排班表都留在这里，可以看出前后改了什么。</source>
        <translation>Not published this week yet. Once published, each published roster stays here so you can see what changed.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1794"/>
        <source>本周发布过 {n} 次。选一行，看它比前一版改了什么。</source>
        <translation>Published {n} time(s) this week. Select a row to see what changed from the version before.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1806"/>
        <source>第一次发布：共 {n} 人次。</source>
        <translation>First publication: {n} person-times.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/main_window.py" line="1810"/>
        <source>与前一版相同。</source>
        <translation>Same as the version before.</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="477"/>
        <source>添加志愿者</source>
        <translation>Add volunteer</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="478"/>
        <source>编辑志愿者：{name}</source>
        <translation>Edit volunteer: {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="482"/>
        <source>基本信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="483"/>
        <source>可值班时间</source>
        <translation>Availability</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="484"/>
        <source>门岗与时段</source>
        <translation>Gates and slots</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="485"/>
        <source>个人规则</source>
        <translation>Personal rules</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="488"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="489"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="530"/>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="533"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="536"/>
        <source>11 位手机号，可不填</source>
        <translation>11-digit mobile number, optional</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="538"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="544"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="547"/>
        <source>党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="548"/>
        <source>在职</source>
        <translation>Employed</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="549"/>
        <source>在职的人工作日 8:00–18:00 不排班（八小时内无职党员参与、八小时外在职党员服务）</source>
        <translation>Employed people are not rostered 8:00–18:00 on workdays (non-employed party members inside the 8 working hours, employed ones outside)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="550"/>
        <source>未成年</source>
        <translation>Minor</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="551"/>
        <source>未成年人不单独值班</source>
        <translation>Minors never serve alone</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="552"/>
        <source>双报到</source>
        <translation>Dual registration</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="553"/>
        <source>在职党员到居住地社区报到，每周应排到规定的班次</source>
        <translation>An employed party member registered with their home community, owed a set number of shifts a week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="559"/>
        <source>身份</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="564"/>
        <source>如 3号楼</source>
        <translation>e.g. Building 3</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="569"/>
        <source>如 第一网格</source>
        <translation>e.g. Grid 1</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="571"/>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="572"/>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="583"/>
        <source>其他技能，用逗号分隔，如 手语，驾驶</source>
        <translation>Other skills, separated by commas, e.g. sign language, driving</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="586"/>
        <source>技能</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="589"/>
        <source>单独设定</source>
        <translation>Own cap</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="594"/>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="706"/>
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="598"/>
        <source>不设定则按社区统一上限</source>
        <translation>Unset: the community&apos;s cap applies</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="604"/>
        <source>每周上限</source>
        <translation>Weekly cap</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="608"/>
        <source>可不填，自动生成</source>
        <translation>Optional, made up if blank</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="610"/>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="615"/>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="613"/>
        <source>（已停用）</source>
        <translation>(deactivated)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="622"/>
        <source>每周可值班时间（点击切换，按住拖动可一次标出多格；点击星期或时段的标题可整列、整行选择）：</source>
        <translation>Weekly availability (click to switch, drag to mark several cells; click a day or slot heading for the whole column or row):</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="628"/>
        <source>在职人员工作日 {start}–{end} 不排班（八小时内无职党员参与、八小时外在职党员服务）：浅色的格子只在休息日（节假日、调休）有效。</source>
        <translation>Employed people are not rostered {start}–{end} on workdays (non-employed party members inside working hours, employed ones outside): pale cells count on rest days only (holidays, adjusted days).</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="656"/>
        <source>希望站的门岗（尽量安排，不强求）</source>
        <translation>Preferred gates (if possible)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="660"/>
        <source>只能在以下门岗值班（如年纪大的只站楼下的门岗）</source>
        <translation>Only at these gates (e.g. an older person only at the gate below their building)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="668"/>
        <source>希望的时段（尽量安排，不强求）</source>
        <translation>Preferred slots (if possible)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="680"/>
        <source>只对此人适用的规则，按每次排班的日期范围（通常一周）计算，社区的规则同时适用。“不限”即不设此项；规则越紧越可能排不出，请按本人的实际情况设定。</source>
        <translation>Rules for this person only, counted over each rostered period (usually a week); the community&apos;s rules apply as well. “No limit” leaves a rule unset. The tighter the rules, the likelier no roster can be found, so set them as this person&apos;s circumstances really are.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="698"/>
        <source>最多值班</source>
        <translation>Most time on duty</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="698"/>
        <source>排班期内站岗时长合计最多这么多（每周上限同时适用）</source>
        <translation>At most this much time at posts in the rostered period (the weekly cap applies as well)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="699"/>
        <source>最少值班</source>
        <translation>Least time on duty</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="699"/>
        <source>排班期内站岗时长合计至少这么多；排不到时整周无解，请慎用</source>
        <translation>At least this much time at posts in the rostered period; if it cannot be met the whole week has no roster, so use it with care</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="707"/>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="726"/>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="740"/>
        <source>不限</source>
        <translation>No limit</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="713"/>
        <source>最多连续值班</source>
        <translation>Most days on duty in a row</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="713"/>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="715"/>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="717"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="714"/>
        <source>连续有岗的天数最多这么多（与社区的规定取较严的）</source>
        <translation>At most this many days in a row with a post (the stricter of this and the community&apos;s rule applies)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="715"/>
        <source>最少连续值班</source>
        <translation>Fewest days on duty in a row</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="716"/>
        <source>每段连续有岗的天数至少这么多（排班期第一天或最后一天起止的一段除外）</source>
        <translation>Each run of days with a post is at least this long (except a run that starts on the first or ends on the last day of the period)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="717"/>
        <source>两段值班间最少休息</source>
        <translation>Fewest days off between duties</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="718"/>
        <source>两段值班之间至少连休这么多天（排班期首尾的休息除外）</source>
        <translation>At least this many days off in a row between two runs on duty (except days off at the start or end of the period)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="719"/>
        <source>最多值班周末</source>
        <translation>Most weekends on duty</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="719"/>
        <source> 个</source>
        <translation> weekends</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="720"/>
        <source>周六或周日有岗即算一个周末（按日期，不看调休）</source>
        <translation>A post on Saturday or Sunday counts as one weekend (by the date, whatever the adjusted working days)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="732"/>
        <source>各班次最多次数（排班期内）</source>
        <translation>Most posts per slot (in the rostered period)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="739"/>
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="757"/>
        <source>按日期的意愿（尽量满足，不强求）</source>
        <translation>Wishes by date (met where possible, not guaranteed)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="768"/>
        <source>想排</source>
        <translation>Wants to stand</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="769"/>
        <source>不想排</source>
        <translation>Would rather not</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="773"/>
        <source>权重 </source>
        <translation>Weight </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="774"/>
        <source>没能满足时记多少分；越大越优先满足</source>
        <translation>What a wish not met costs; the larger, the sooner it is met</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="775"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="785"/>
        <source>删除所选意愿</source>
        <translation>Remove selected wishes</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="796"/>
        <source>{date} {weekday} {slot}：想排</source>
        <translation>{date} {weekday} {slot}: wants to stand</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="796"/>
        <source>{date} {weekday} {slot}：不想排</source>
        <translation>{date} {weekday} {slot}: would rather not</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="798"/>
        <source>（权重 {weight}）</source>
        <translation> (weight {weight})</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1010"/>
        <source>保存失败</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1010"/>
        <source>没有保存：
{message}</source>
        <translation>Nothing was saved:
{message}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1019"/>
        <source>确认保存</source>
        <translation>Confirm save</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1019"/>
        <source>请确认：
{warnings}

仍然保存吗？</source>
        <translation>Please check:
{warnings}

Save anyway?</translation>
    </message>
</context>
<context>
    <name>VolunteerListModel</name>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="33"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="34"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="35"/>
        <source>本周时长</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="36"/>
        <source>人次</source>
        <translation>Person-times</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="37"/>
        <source>上限</source>
        <translation>Cap</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="243"/>
        <source>每周服务时长上限（小时）</source>
        <translation>Weekly cap of service hours</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="245"/>
        <source>本周已排的服务时长（小时）</source>
        <translation>Service hours rostered this week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="251"/>
        <source>楼栋：{b}</source>
        <translation>Building: {b}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="253"/>
        <source>本周 {h} 小时</source>
        <translation>{h} h this week</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="254"/>
        <source>，上限 {c} 小时</source>
        <translation>, cap {c} h</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="257"/>
        <source>未成年人：须有成年人同岗</source>
        <translation>Minor: needs an adult on the same post</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="261"/>
        <source>双报到：本周应排至少 {r} 班，已排 {s} 班</source>
        <translation>Dual registration: at least {r} shift(s) due this week, {s} rostered</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="264"/>
        <source>⚠ 违反规则：</source>
        <translation>⚠ Rule broken: </translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_model.py" line="267"/>
        <source>电话：{p}</source>
        <translation>Phone: {p}</translation>
    </message>
</context>
<context>
    <name>VolunteerManager</name>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1042"/>
        <source> 等 {n} 人</source>
        <translation> and {n} more</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1187"/>
        <source>搜索：姓名、电话、楼栋，或拼音首字母（如 zgl）</source>
        <translation>Search: name, phone, building, or pinyin initials (e.g. zgl)</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1192"/>
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1198"/>
        <source>全部状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1199"/>
        <source>在册</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1200"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1230"/>
        <source>添加志愿者</source>
        <translation>Add volunteer</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1232"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1234"/>
        <source>批量设置可值班时间</source>
        <translation>Set availability for several</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1236"/>
        <source>登记请假</source>
        <translation>Dates away</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1238"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1239"/>
        <source>不再参加排班；名册、以往的排班和服务时长都保留，可随时恢复</source>
        <translation>No longer rostered; register entry, past rosters and service hours are kept, and can be restored any time</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1241"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1271"/>
        <source>全部技能</source>
        <translation>All skills</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1272"/>
        <source>全部楼栋</source>
        <translation>All buildings</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1332"/>
        <source>共 {n} 人（在册 {a} 人，已停用 {i} 人），显示 {s} 人</source>
        <translation>{n} people ({a} active, {i} deactivated), {s} shown</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1369"/>
        <source>已添加：{name}</source>
        <translation>Added: {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1376"/>
        <source>已保存：{name}</source>
        <translation>Saved: {name}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1390"/>
        <source>已为 {n} 人设置可值班时间</source>
        <translation>Availability set for {n} people</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1399"/>
        <source>已为 {n} 人登记请假</source>
        <translation>Dates away entered for {n} people</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1407"/>
        <source>停用 {names}？
停用后不再参加新的排班；名册、以往的排班和服务时长都保留，可随时恢复。</source>
        <translation>Deactivate {names}?
They will no longer be rostered; register entry, past rosters and service hours are kept, and can be restored any time.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1416"/>
        <source>{name}：{dates}</source>
        <translation>{name}: {dates}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1419"/>
        <source>以下人员在已排的班表中还有班次，这些班次不会自动撤下，请重新排班或手动调整：</source>
        <translation>These people still have shifts in rosters made already; those shifts are not removed automatically, so re-schedule or edit by hand:</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1420"/>
        <source>停用志愿者</source>
        <translation>Deactivate volunteers</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1425"/>
        <source>已停用：{names}</source>
        <translation>Deactivated: {names}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1429"/>
        <source>已恢复：{names}</source>
        <translation>Restored: {names}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1441"/>
        <source>保存失败</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1441"/>
        <source>没有保存：
{message}</source>
        <translation>Nothing was saved:
{message}</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="1459"/>
        <source>志愿者名册</source>
        <translation>Volunteer register</translation>
    </message>
</context>
<context>
    <name>VolunteerProblems</name>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="367"/>
        <source>请填写姓名。</source>
        <translation>Enter a name.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="368"/>
        <source>名册里已有同名的 {name}（{where}编号 {other}）。如确是另一个人，保存时确认即可。</source>
        <translation>The register already has a {name} ({where}code {other}). If this is someone else, confirm when saving.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="370"/>
        <source>电话应为 11 位手机号（1 开头，第二位是 3–9），也可以不填。</source>
        <translation>The phone must be an 11-digit mobile number (starting 1, then 3–9), or blank.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="372"/>
        <source>{name}（编号 {other}）登记了同一个电话。</source>
        <translation>{name} (code {other}) has the same phone.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="373"/>
        <source>编号 {code} 已被占用，请换一个或留空自动生成。</source>
        <translation>Code {code} is taken; choose another or leave it blank to make one up.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="374"/>
        <source>编号最多 {limit} 个字符，不能有空格。</source>
        <translation>A code has at most {limit} characters and no spaces.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="375"/>
        <source>缺少编号。</source>
        <translation>The code is missing.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="376"/>
        <source>请选择类别。</source>
        <translation>Choose a kind.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="377"/>
        <source>这个类别的人应是党员，请勾选“党员”。</source>
        <translation>People of this kind are party members: tick “Party member”.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="378"/>
        <source>在职党员应勾选“在职”。</source>
        <translation>An employed party member must have “Employed” ticked.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="379"/>
        <source>无职党员不能勾选“在职”。</source>
        <translation>A non-employed party member cannot have “Employed” ticked.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="380"/>
        <source>新时代好少年应勾选“未成年”。</source>
        <translation>A minor must have “Minor” ticked.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="381"/>
        <source>技能名称太长（最多 {limit} 个字）。</source>
        <translation>Skill name too long (at most {limit} characters).</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="382"/>
        <source>上限应在 0 到 {limit} 小时之间。</source>
        <translation>The cap must be 0 to {limit} hours.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="383"/>
        <source>可值班时间里有不存在的时段。</source>
        <translation>The availability has a slot that does not exist.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="384"/>
        <source>还没有标出任何可值班时间，排班时不会排到此人。</source>
        <translation>No availability marked yet: this person will not be rostered.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="386"/>
        <source>限定了门岗，却一个门岗也没选，排班时不会排到此人。</source>
        <translation>Gates are restricted but none is chosen: this person will not be rostered.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="388"/>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="389"/>
        <source>应在 {low} 到 {high} 小时之间。</source>
        <translation>Should be between {low} and {high} hours.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="390"/>
        <source>最少 {min} 小时，多于最多的 {max} 小时。</source>
        <translation>At least {min} hours is more than the most, {max} hours.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="391"/>
        <source>最少 {min} 小时，多于每周上限 {cap} 小时，一周的排班排不到这么多。</source>
        <translation>At least {min} hours is more than the weekly cap of {cap} hours: a week&apos;s roster cannot give that much.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="393"/>
        <source>最少连续 {min} 天，多于最多连续的 {max} 天。</source>
        <translation>At least {min} days in a row is more than the most, {max} days in a row.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="395"/>
        <source>{date} 的同一班次有两条意愿，请删去一条。</source>
        <translation>There are two wishes for the same slot on {date}; please remove one.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="397"/>
        <source>应在 {low} 到 {high} 之间。</source>
        <translation>Should be between {low} and {high}.</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="398"/>
        <source>太长了（最多 {limit} 个字）。</source>
        <translation>Too long (at most {limit} characters).</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="399"/>
        <source>“{code}” 已不存在，请重新选择。</source>
        <translation>“{code}” no longer exists; choose again.</translation>
    </message>
</context>
<context>
    <name>VolunteerTableModel</name>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="161"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="162"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="163"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="164"/>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="165"/>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="166"/>
        <source>技能</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="167"/>
        <source>每周上限</source>
        <translation>Weekly cap</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="168"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="169"/>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="268"/>
        <source>已停用：不再参加排班，以往的排班和服务时长保留</source>
        <translation>Deactivated: no longer rostered; past rosters and service hours kept</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="285"/>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="287"/>
        <source>在册</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="287"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../roster_app/gui/volunteer_editor.py" line="297"/>
        <source>每周服务时长上限（小时）；“默认”即社区统一的上限</source>
        <translation>Weekly cap of service hours; “Default” is the community&apos;s cap</translation>
    </message>
</context>
</TS>
