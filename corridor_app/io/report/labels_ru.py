"""Russian text of the report, keyed by the English (``labels.Labels``).

Sheet names stay within Excel's 31 characters.
"""

RU: dict[str, str] = {
    # Sheets
    "Summary": "Сводка",
    "Scenario summary": "Сценарии",
    "Corridors compared": "Сравнение коридоров",
    "Projects by route": "Проекты по маршрутам",
    "Contributions": "Вклады",
    "Totals": "Итоги",
    "Targets": "Цели",
    "Targets progress": "Продвижение к целям",
    "Projects": "Проекты",
    "Sources": "Источники",
    # Summary
    "Investment corridors: contributions and published totals": (
        "Инвестиционные коридоры: вклады и опубликованные итоги"
    ),
    "Numbers are values computed by corridor-app; the Formula column recomputes them.": (
        "Числа рассчитаны corridor-app; столбец «Формула» пересчитывает их в таблице."
    ),
    "The workbook has no contributions.": "В книге нет вкладов.",
    "Country": "Страна",
    "Amount": "Сумма",
    "Share of sum of parts": "Доля в сумме частей",
    "Formula": "Формула",
    "Source": "Источник",
    "no source": "источник не указан",
    "Sum of parts": "Сумма частей",
    "Published total": "Опубликованный итог",
    "Residual": "Расхождение",
    "Residual %": "Расхождение, %",
    "Verdict": "Вывод",
    "reconciles": "сходится",
    "does not reconcile": "не сходится",
    "no published total": "нет опубликованного итога",
    "(tolerance {pct} % of the published total)": "(допуск {pct} % опубликованного итога)",
    "Not counted: {country}": "Не учтено: {country}",
    "computed: sum of the amounts above": "расчёт: сумма сумм выше",
    "computed: sum of parts minus published total": "расчёт: сумма частей минус опубликованный итог",
    "computed: residual as a percentage of the published total": (
        "расчёт: расхождение в процентах от опубликованного итога"
    ),
    "Contributions by country: {corridor}": "Вклады по странам: {corridor}",
    "Country, sum of parts, published total and residual": "Страны, сумма частей, опубликованный итог и расхождение",
    "Share of the sum of parts: {corridor}": "Доли в сумме частей: {corridor}",
    "(no corridor)": "(без коридора)",
    "(no country)": "(без страны)",
    "(no route)": "(без маршрута)",
    "(no mode)": "(без вида транспорта)",
    # Scenarios
    "Baseline": "Базовый",
    "Amounts by country; “excluded”: the scenario leaves the country out, so it adds nothing.": (
        "Суммы по странам; «исключена»: сценарий не учитывает страну, она ничего не добавляет."
    ),
    "Changing cells: amount by country": "Изменяемые ячейки: сумма по странам",
    "excluded": "исключена",
    "Result cells": "Ячейки результата",
    "Residual (sum of parts - published)": "Расхождение (сумма частей − опубликованный итог)",
    "Residual (% of published)": "Расхождение (% опубликованного итога)",
    "Change against the baseline": "Изменение к базовому",
    "Change against the baseline (%)": "Изменение к базовому (%)",
    "Sum of parts (formula)": "Сумма частей (формула)",
    "Amount by country and scenario": "Суммы по странам и сценариям",
    "Change": "Изменение",
    "From the baseline to {scenario}": "От базового к сценарию «{scenario}»",
    "Step": "Шаг",
    "Base (not drawn)": "Основание (не рисуется)",
    "Increase": "Рост",
    "Decrease": "Снижение",
    "Total": "Итого",
    "Level after": "Уровень после шага",
    "Baseline to {scenario}: {delta}": "От базового к «{scenario}»: {delta}",
    "Baseline, each country's change, scenario total": "Базовый итог, изменение каждой страны, итог сценария",
    "Sensitivity of the total: each country alone moves by ±{pct} %": (
        "Чувствительность итога: одна страна меняется на ±{pct} %"
    ),
    "Total at -{pct} %": "Итог при −{pct} %",
    "Total at +{pct} %": "Итог при +{pct} %",
    "Effect of -{pct} %": "Эффект −{pct} %",
    "Effect of +{pct} %": "Эффект +{pct} %",
    "Total of {scenario}": "Итог сценария «{scenario}»",
    "{scenario}: total {total} when one country moves ±{pct} %": (
        "«{scenario}»: итог {total} при изменении одной страны на ±{pct} %"
    ),
    "Change in the total": "Изменение итога",
    # Corridors and projects
    "Contributions by country across corridors ({display})": "Вклады стран по коридорам ({display})",
    "Converted through the FX sheet; a blank cell: no figure for that country there.": (
        "Пересчитано по листу курсов; пустая ячейка: у страны нет суммы в этом коридоре."
    ),
    "Each corridor against its own published total": "Каждый коридор против своего опубликованного итога",
    "Corridor": "Коридор",
    "Unit": "Единица",
    "Sum of parts ({display})": "Сумма частей ({display})",
    "Published total ({display})": "Опубликованный итог ({display})",
    "Project costs by route and mode ({display})": "Стоимость проектов по маршрутам и видам транспорта ({display})",
    "Converted through the FX sheet; costs without a rate are listed below, in no total.": (
        "Пересчитано по листу курсов; суммы без курса перечислены ниже и ни в один итог не входят."
    ),
    "Route": "Маршрут",
    "Converted: {n} projects": "Пересчитано проектов: {n}",
    "No project cost could be converted to {display}.": "Ни одну стоимость проекта не удалось пересчитать в {display}.",
    "No cost given ({n})": "Стоимость не указана ({n})",
    "Not converted, in no total ({n})": "Не пересчитано, ни в одном итоге ({n})",
    "Project": "Проект",
    "Reason": "Причина",
    "Project costs by route, stacked by mode ({display})": (
        "Стоимость проектов по маршрутам и видам транспорта ({display})"
    ),
    # Targets
    "Still to go": "Осталось",
    "Baseline as % of target": "База в % от цели",
    "Years to target": "Лет до цели",
    "Pace needed per year": "Нужный темп в год",
    "Compound growth needed (% a year)": "Нужный среднегодовой рост (% в год)",
    "Pacing": "Темп",
    "How the pace is computed": "Как рассчитан темп",
    "no target value or year": "нет значения цели или года",
    "met": "достигнута",
    "in progress": "в процессе",
    "past due": "срок прошёл",
    "no pace": "темп не определён",
    "Progress toward each target": "Продвижение к каждой цели",
    "Baseline as a percentage of the target value (100 % = reached); targets with a baseline.": (
        "База в процентах от значения цели (100 % = достигнута); цели с базой."
    ),
    "No target has a baseline, so there is no progress to show.": "Ни у одной цели нет базы, продвижение не показать.",
    "Target": "Цель",
    "Baseline year": "Год базы",
    "Target value": "Значение цели",
    "Target year": "Год цели",
    "Progress toward targets at baseline": "Продвижение к целям на год базы",
    "Baseline as % of target (100 % = reached)": "База в % от цели (100 % = достигнута)",
    # Sources
    "Sources of every figure in this report": "Источники каждого числа в этом отчёте",
    "Sheet": "Лист",
    "Cell": "Ячейка",
    "Item": "Объект",
    "Figure": "Показатель",
    "Value": "Значение",
    "computed: sum of contributions": "расчёт: сумма вкладов",
    "computed: sum of parts - published": "расчёт: сумма частей − опубликованный итог",
    "Cost": "Стоимость",
    "Length": "Протяжённость",
    # Progress (issue 16)
    "Progress": "Прогресс",
    "Targets over time: the official figures and the verdict": "Цели во времени: официальные данные и вывод",
    "Pace: least-squares trend of the figures (level) or mean yearly flow (cumulative).": (
        "Темп: линейный тренд по МНК (уровень) или средний годовой поток (накопленная цель)."
    ),
    "Verdict per target (behind first)": "Вывод по каждой цели (отстающие первыми)",
    "Status": "Статус",
    "Measure": "Вид цели",
    "Goal": "Цель (значение)",
    "Latest figure": "Последнее значение",
    "Latest year": "Год последнего значения",
    "Pace seen (a year)": "Фактический темп (в год)",
    "Pace needed (a year)": "Нужный темп (в год)",
    "Projected in target year": "Прогноз на год цели",
    "Goal reached in (at that pace)": "Цель достигается в (при этом темпе)",
    "How it was judged": "Как получен вывод",
    "never at this pace": "не при этом темпе",
    "reached": "достигнута",
    "on track": "по плану",
    "behind": "отставание",
    "no data": "нет данных",
    "level": "уровень",
    "cumulative": "накопленный итог",
    "Official figures and their sources": "Официальные данные и их источники",
    "No official figures yet: only the pacing applies.": "Официальных данных пока нет: действует только расчёт темпа.",
    "Year": "Год",
    "Note": "Примечание",
    "Running total": "Накопленный итог",
    "Official figure": "Официальное значение",
    "Required path": "Требуемая траектория",
    "Projection": "Прогноз",
    # Progress messages
    "{sheet}: row {n}": "{sheet}: строка {n}",
    "Writing the file": "Запись файла",
    "Done": "Готово",
}
