/** The Cards v2 (google.apps.card.v1) subset the add-on sends. */

export interface OnClick {
  action?: {
    function: string;
    parameters?: { key: string; value: string }[];
    loadIndicator?: "SPINNER" | "NONE";
  };
  openLink?: { url: string };
}
export interface Button {
  text: string;
  onClick: OnClick;
  type?: "OUTLINED" | "FILLED" | "FILLED_TONAL" | "BORDERLESS";
  altText?: string;
}
export type Widget =
  | { textParagraph: { text: string } }
  | {
      decoratedText: {
        topLabel?: string;
        text: string;
        bottomLabel?: string;
        wrapText?: boolean;
        startIcon?: { knownIcon: string };
        button?: Button;
      };
    }
  | { buttonList: { buttons: Button[] } }
  | { divider: Record<string, never> };

export interface Section {
  header?: string;
  collapsible?: boolean;
  uncollapsibleWidgetsCount?: number;
  widgets: Widget[];
}

export interface Card {
  header?: {
    title: string;
    subtitle?: string;
    imageUrl?: string;
    imageType?: "SQUARE" | "CIRCLE";
    imageAltText?: string;
  };
  sections: Section[];
}

/** What a homepage or eventOpen trigger returns: push the card. */
export interface RenderAction {
  action: { navigations: ({ pushCard: Card } | { updateCard: Card })[]; notification?: { text: string } };
}
/** What a widget's action endpoint returns. */
export interface ActionResponse {
  renderActions: RenderAction;
}
