"""Service-hour reports and the picture for the volunteers' WeChat group.

At month's end the street office (街道) asks each community for its volunteers' service
totals: hours (服务时长) and person-times (人次), per volunteer, per kind of volunteer (the
employed party members' hours earn them 双积分 points), per gate, per week, and in all
("累计服务 N 小时，N 人次"). Only published rosters count: a draft was never posted at the
gates, so nobody stood there by it.

- `service_hours`: the figures, computed from plain `Scenario`/`Roster` objects, and the
  thin function that fetches the published weeks of a date range from the store;
- `export`: a report as an .xlsx workbook or a .csv file;
- `chart`: hours per week stacked by kind, painted with QPainter (on a widget or a PNG);
- `wechat_picture`: the week (or one gate, or one day) as a tall PNG for a phone screen.
"""
