/**
 * @threadkit/testing — Test ChatKit widgets and their actions without a browser, exactly as the <threadkit-chat> element would send them.
 */
export {};
