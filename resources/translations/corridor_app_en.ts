<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ProjectsBreakdownChart</name>
    <message numerus="yes">
        <source>%Ln project(s), {total} {display}</source>
        <translation>
            <numerusform>%Ln project, {total} {display}</numerusform>
            <numerusform>%Ln projects, {total} {display}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconciliationPanel</name>
    <message numerus="yes">
        <source>%Ln not counted</source>
        <translation>
            <numerusform>%Ln not counted</numerusform>
            <numerusform>%Ln not counted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message numerus="yes">
        <source>Searching %Ln row(s) for “{text}”…</source>
        <translation>
            <numerusform>Searching %Ln row for “{text}”…</numerusform>
            <numerusform>Searching %Ln rows for “{text}”…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) match “{text}”</source>
        <translation>
            <numerusform>%Ln row match “{text}”</numerusform>
            <numerusform>%Ln rows match “{text}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln cell(s)</source>
        <translation>
            <numerusform>Copied %Ln cell</numerusform>
            <numerusform>Copied %Ln cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasted %Ln cell(s)</source>
        <translation>
            <numerusform>Pasted %Ln cell</numerusform>
            <numerusform>Pasted %Ln cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln row(s); Ctrl+Z restores</source>
        <translation>
            <numerusform>Deleted %Ln row; Ctrl+Z restores</numerusform>
            <numerusform>Deleted %Ln rows; Ctrl+Z restores</numerusform>
        </translation>
    </message>
</context>
</TS>
