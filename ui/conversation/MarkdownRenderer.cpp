#include "MarkdownRenderer.h"
