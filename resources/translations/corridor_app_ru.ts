<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ChangeLog</name>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Лист</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Было</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Стало</translation>
    </message>
</context>
<context>
    <name>ChartArea</name>
    <message>
        <source>By country</source>
        <translation>По странам</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Доли</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Сценарии</translation>
    </message>
    <message>
        <source>Targets pacing</source>
        <translation>Темпы по целям</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <source>Corridors compared</source>
        <translation>Сравнение коридоров</translation>
    </message>
</context>
<context>
    <name>ChartPicture</name>
    <message>
        <source>PNG image</source>
        <translation>Изображение PNG</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>Рисунок SVG</translation>
    </message>
    <message>
        <source>this tab has no chart to export</source>
        <translation>на этой вкладке нет диаграммы для экспорта</translation>
    </message>
    <message>
        <source>{name}: charts are exported as .png or .svg</source>
        <translation>{name}: диаграммы экспортируются в .png или .svg</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>percent</source>
        <translation>процент</translation>
    </message>
    <message>
        <source>override</source>
        <translation>заменить</translation>
    </message>
    <message>
        <source>add</source>
        <translation>добавить</translation>
    </message>
    <message>
        <source>exclude</source>
        <translation>исключить</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Corridor</source>
        <translation>Коридор</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Published total</source>
        <translation>Опубликованный итог</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Базовое значение</translation>
    </message>
    <message>
        <source>Baseline year</source>
        <translation>Базовый год</translation>
    </message>
    <message>
        <source>Target year</source>
        <translation>Целевой год</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Вид транспорта</translation>
    </message>
    <message>
        <source>Length km</source>
        <translation>Протяженность, км</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Cost unit</source>
        <translation>Единица стоимости</translation>
    </message>
    <message>
        <source>Start year</source>
        <translation>Год начала</translation>
    </message>
    <message>
        <source>End year</source>
        <translation>Год окончания</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Сценарий</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид корректировки</translation>
    </message>
    <message>
        <source>Units per USD</source>
        <translation>Курс к доллару</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>На дату</translation>
    </message>
</context>
<context>
    <name>ContributionsChart</name>
    <message>
        <source>residual</source>
        <translation>невязка</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Вклады</translation>
    </message>
    <message>
        <source>No contributions</source>
        <translation>Нет вкладов</translation>
    </message>
    <message>
        <source>{corridor}: contributions by country</source>
        <translation>{corridor}: вклады по странам</translation>
    </message>
    <message>
        <source>Residual {residual}{unit}
Sum of parts {parts} minus published total {total}</source>
        <translation>Невязка {residual}{unit}
Сумма частей {parts} минус опубликованный итог {total}</translation>
    </message>
    <message>
        <source>{share} % of the sum of parts</source>
        <translation>{share} % суммы частей</translation>
    </message>
    <message>
        <source>{share} % of the published total</source>
        <translation>{share} % опубликованного итога</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Источник: {source}</translation>
    </message>
    <message>
        <source>No source given</source>
        <translation>Источник не указан</translation>
    </message>
</context>
<context>
    <name>CorridorComparisonChart</name>
    <message>
        <source>(no corridor)</source>
        <translation>(без коридора)</translation>
    </message>
    <message>
        <source>Contributions by country across corridors ({display})</source>
        <translation>Вклады стран по коридорам ({display})</translation>
    </message>
    <message>
        <source>No contributions</source>
        <translation>Нет вкладов</translation>
    </message>
    <message>
        <source>Not in the bars ({count}):</source>
        <translation>Не показано на диаграмме ({count}):</translation>
    </message>
    <message>
        <source>no amount</source>
        <translation>нет суммы</translation>
    </message>
</context>
<context>
    <name>DisplayCurrencyBox</name>
    <message>
        <source>Display currency: amounts are converted through the FX sheet; without a rate they are excluded</source>
        <translation>Валюта отображения: суммы пересчитываются по листу курсов валют; без курса они исключаются</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <source>Export to Excel</source>
        <translation>Экспорт в Excel</translation>
    </message>
    <message>
        <source>Report: &lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;&lt;small&gt;in {folder}&lt;/small&gt;</source>
        <translation>Отчет: &lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;&lt;small&gt;в папке {folder}&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Scenarios to compare ({corridor})</source>
        <translation>Сценарии для сравнения ({corridor})</translation>
    </message>
    <message>
        <source>no corridor</source>
        <translation>без коридора</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ни одного</translation>
    </message>
    <message>
        <source>The workbook defines no scenarios; the report has no Scenario summary.</source>
        <translation>В книге нет сценариев; сводки по сценариям в отчете не будет.</translation>
    </message>
    <message>
        <source>Place pictures of the on-screen charts next to the native charts</source>
        <translation>Поместить рядом с диаграммами Excel изображения диаграмм с экрана</translation>
    </message>
    <message>
        <source>The native Excel charts are always written and follow the report&apos;s numbers;
the pictures show the charts exactly as they look in the app.</source>
        <translation>Диаграммы Excel записываются всегда и следуют за числами отчета;
изображения показывают диаграммы точно такими, как в программе.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>The language changes when corridor_app is started again.</source>
        <translation>Язык сменится при следующем запуске corridor_app.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Язык системы ({language})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>PacingModel</name>
    <message>
        <source>Target</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>Целевое значение</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>База</translation>
    </message>
    <message>
        <source>Target year</source>
        <translation>Целевой год</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Выполнение</translation>
    </message>
    <message>
        <source>Pace needed / yr</source>
        <translation>Нужный темп в год</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>met</source>
        <translation>достигнуто</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>в процессе</translation>
    </message>
    <message>
        <source>past due</source>
        <translation>срок прошел</translation>
    </message>
    <message>
        <source>no pace</source>
        <translation>темп не определен</translation>
    </message>
</context>
<context>
    <name>PacingPanel</name>
    <message>
        <source>Targets without a baseline are paced from the start of this year</source>
        <translation>Темп для целей без базового значения считается с начала этого года</translation>
    </message>
    <message>
        <source>Progress toward each target (baseline / target)</source>
        <translation>Выполнение целевых показателей (база / цель)</translation>
    </message>
    <message>
        <source>Pace targets without a baseline from</source>
        <translation>Темп для целей без базового значения — с</translation>
    </message>
    <message>
        <source>% of the target</source>
        <translation>% от цели</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop this work; what was there before stays as it was</source>
        <translation>Остановить; все останется как было</translation>
    </message>
</context>
<context>
    <name>ProjectsBreakdownChart</name>
    <message>
        <source>(all corridors)</source>
        <translation>(все коридоры)</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Вид транспорта</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Projects of</source>
        <translation>Проекты:</translation>
    </message>
    <message>
        <source>bars by</source>
        <translation>столбцы:</translation>
    </message>
    <message>
        <source>stacked by</source>
        <translation>слои:</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Вклады</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <source>Projects − contributions</source>
        <translation>Проекты − вклады</translation>
    </message>
    <message>
        <source>all corridors</source>
        <translation>все коридоры</translation>
    </message>
    <message>
        <source>Project costs, {corridor} ({unit})</source>
        <translation>Стоимость проектов, {corridor} ({unit})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln project(s), {total} {display}</source>
        <translation>
            <numerusform>%Ln проект, {total} {display}</numerusform>
            <numerusform>%Ln проекта, {total} {display}</numerusform>
            <numerusform>%Ln проектов, {total} {display}</numerusform>
        </translation>
    </message>
    <message>
        <source>Converted:</source>
        <translation>Пересчитано:</translation>
    </message>
    <message>
        <source>Not converted, in no total ({count}):</source>
        <translation>Не пересчитано, не входит в итоги ({count}):</translation>
    </message>
    <message>
        <source>No cost given ({count}):</source>
        <translation>Стоимость не указана ({count}):</translation>
    </message>
    <message>
        <source>Country-level figures: choose a corridor that has contributions to compare.</source>
        <translation>Показатели по странам: выберите коридор, для которого есть вклады.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{corridor}&lt;/b&gt;: projects beside country contributions ({display}); the difference is shown, not absorbed</source>
        <translation>&lt;b&gt;{corridor}&lt;/b&gt;: проекты рядом со вкладами стран ({display}); разница показывается, а не скрывается</translation>
    </message>
</context>
<context>
    <name>ReconciliationPanel</name>
    <message>
        <source>No contributions</source>
        <translation>Нет вкладов</translation>
    </message>
    <message>
        <source>Sum of parts &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Сумма частей &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Published total &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Опубликованный итог &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Residual &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Невязка &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%Ln not counted</source>
        <translation>
            <numerusform>%Ln не учтен</numerusform>
            <numerusform>%Ln не учтены</numerusform>
            <numerusform>%Ln не учтены</numerusform>
        </translation>
    </message>
    <message>
        <source>The published total and the sum of the country amounts differ.</source>
        <translation>Опубликованный итог и сумма вкладов стран расходятся.</translation>
    </message>
    <message>
        <source>The published total matches the sum of the parts.</source>
        <translation>Опубликованный итог совпадает с суммой частей.</translation>
    </message>
    <message>
        <source>No published total for this corridor (add one in the Totals tab).</source>
        <translation>Для этого коридора нет опубликованного итога (добавьте его на вкладке «Итоги»).</translation>
    </message>
</context>
<context>
    <name>ScenarioCharts</name>
    <message>
        <source>Baseline</source>
        <translation>Базовый</translation>
    </message>
    <message>
        <source>Amount by country and scenario</source>
        <translation>Суммы по странам и сценариям</translation>
    </message>
    <message>
        <source>From baseline to scenario</source>
        <translation>От базового варианта к сценарию</translation>
    </message>
    <message>
        <source>Sensitivity of the total</source>
        <translation>Чувствительность итога</translation>
    </message>
    <message>
        <source>Tornado: each country moves by ±</source>
        <translation>Торнадо: вклад каждой страны меняется на ±</translation>
    </message>
    <message>
        <source>From baseline to scenario (no scenario)</source>
        <translation>От базового варианта к сценарию (сценария нет)</translation>
    </message>
    <message>
        <source>Baseline to {scenario}: {delta}</source>
        <translation>Базовый → «{scenario}»: {delta}</translation>
    </message>
    <message>
        <source>{scenario}: total {total} when one country moves ±{pct} %</source>
        <translation>{scenario}: итог {total} при изменении вклада страны на ±{pct} %</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <source>New…</source>
        <translation>Новый…</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>Копировать…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Kind: percent (-50 halves), override (new amount), add (amount to add), exclude, none.
A blank country or * means every country; applied top to bottom.</source>
        <translation>Вид: percent — процент (-50 уменьшает вдвое), override — новая сумма, add — прибавить, exclude — исключить, none — нет.
Пустая страна или * означает все страны; корректировки применяются сверху вниз.</translation>
    </message>
    <message>
        <source>Add adjustment</source>
        <translation>Добавить корректировку</translation>
    </message>
    <message>
        <source>Remove adjustment</source>
        <translation>Удалить корректировку</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scenarios&lt;/b&gt; (illustrations, not forecasts)</source>
        <translation>&lt;b&gt;Сценарии&lt;/b&gt; (иллюстрации, а не прогнозы)</translation>
    </message>
    <message>
        <source>Adjustments of the selected scenario</source>
        <translation>Корректировки выбранного сценария</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>Новый сценарий</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (копия)</translation>
    </message>
    <message>
        <source>Duplicate scenario</source>
        <translation>Копировать сценарий</translation>
    </message>
    <message>
        <source>Name of the copy:</source>
        <translation>Название копии:</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>Переименовать сценарий</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Новое название:</translation>
    </message>
</context>
<context>
    <name>ScenarioTotalsModel</name>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Δ vs baseline</source>
        <translation>Δ к базовому</translation>
    </message>
    <message>
        <source>Δ %</source>
        <translation>Δ %</translation>
    </message>
    <message>
        <source>Published total</source>
        <translation>Опубликованный итог</translation>
    </message>
    <message>
        <source>Residual</source>
        <translation>Невязка</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Базовый</translation>
    </message>
    <message>
        <source>Share: {country}</source>
        <translation>Доля: {country}</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>исключено</translation>
    </message>
</context>
<context>
    <name>SharesChart</name>
    <message>
        <source>share of the sum of parts, %</source>
        <translation>доля в сумме частей, %</translation>
    </message>
    <message>
        <source>{corridor}: shares of the sum of parts</source>
        <translation>{corridor}: доли в сумме частей</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>Filter rows (Ctrl+F)</source>
        <translation>Фильтр строк (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>Searching %Ln row(s) for “{text}”…</source>
        <translation>
            <numerusform>Поиск «{text}» в %Ln строке…</numerusform>
            <numerusform>Поиск «{text}» в %Ln строках…</numerusform>
            <numerusform>Поиск «{text}» в %Ln строках…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) match “{text}”</source>
        <translation>
            <numerusform>%Ln строка соответствует «{text}»</numerusform>
            <numerusform>%Ln строки соответствуют «{text}»</numerusform>
            <numerusform>%Ln строк соответствуют «{text}»</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy with headers</source>
        <translation>Копировать с заголовками</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Вставить</translation>
    </message>
    <message>
        <source>Insert row below</source>
        <translation>Вставить строку ниже</translation>
    </message>
    <message>
        <source>Delete rows</source>
        <translation>Удалить строки</translation>
    </message>
    <message>
        <source>Clear cells</source>
        <translation>Очистить ячейки</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln cell(s)</source>
        <translation>
            <numerusform>Скопирована %Ln ячейка</numerusform>
            <numerusform>Скопированы %Ln ячейки</numerusform>
            <numerusform>Скопировано %Ln ячеек</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste: select the cell where the block should start</source>
        <translation>Вставка: выберите ячейку, с которой начнется блок</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %Ln cell(s)</source>
        <translation>
            <numerusform>Вставлена %Ln ячейка</numerusform>
            <numerusform>Вставлены %Ln ячейки</numerusform>
            <numerusform>Вставлено %Ln ячеек</numerusform>
        </translation>
    </message>
    <message>
        <source>Row inserted: type its values; Ctrl+Z removes it</source>
        <translation>Строка вставлена: введите значения; Ctrl+Z удалит ее</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln row(s); Ctrl+Z restores</source>
        <translation>
            <numerusform>Удалена %Ln строка; Ctrl+Z вернет ее</numerusform>
            <numerusform>Удалены %Ln строки; Ctrl+Z вернет их</numerusform>
            <numerusform>Удалено %Ln строк; Ctrl+Z вернет их</numerusform>
        </translation>
    </message>
    <message>
        <source>{column} is required and cannot be cleared; delete the row instead</source>
        <translation>«{column}» — обязательное поле, его нельзя очистить; удалите строку целиком</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Contributions</source>
        <translation>Вклады</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Итоги</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Целевые показатели</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <source>FX</source>
        <translation>Курсы валют</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Сценарии</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>Журнал изменений</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>no published total</source>
        <translation>нет опубликованного итога</translation>
    </message>
    <message>
        <source>does not reconcile</source>
        <translation>не сходится</translation>
    </message>
    <message>
        <source>reconciles</source>
        <translation>сходится</translation>
    </message>
</context>
<context>
    <name>WorkbookTableModel</name>
    <message>
        <source>In the file: {header}</source>
        <translation>В файле: {header}</translation>
    </message>
    <message>
        <source>From {sheet}, row {row}</source>
        <translation>Из листа {sheet}, строка {row}</translation>
    </message>
    <message>
        <source>No source given for this figure</source>
        <translation>Для этого показателя не указан источник</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Источник: {source}</translation>
    </message>
    <message>
        <source>{column}, row {row}: {reason}; the old value is kept</source>
        <translation>{column}, строка {row}: {reason}; прежнее значение сохранено</translation>
    </message>
</context>
<context>
    <name>save</name>
    <message>
        <source>is still being saved; try again when that save has finished</source>
        <translation>еще сохраняется; повторите, когда сохранение закончится</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>Сохранение {name}…</translation>
    </message>
    <message>
        <source>the save was stopped before it reported back; check the file before relying on it</source>
        <translation>сохранение прервалось, не сообщив результат; проверьте файл, прежде чем на него полагаться</translation>
    </message>
</context>
</TS>
