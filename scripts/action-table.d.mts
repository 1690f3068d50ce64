// Types of scripts/action-table.mjs, for the test that keeps the README's action table current.
export declare const actionPath: string
export declare const readmePath: string
export declare const BEGIN: string
export declare const END: string
export declare const FIX_COMMAND: string
export declare function firstSentence(text: unknown): string
export declare function actionTable(): Promise<string>
export declare function readmeTable(readme: string): string | undefined
export declare function withTable(readme: string, table: string): string
